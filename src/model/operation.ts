/**
 * The operation model. SQL and Alembic front ends both produce this union, and every
 * rule works on it, never on raw source text. Spans are UTF-8 byte offsets into the
 * migration file; line/column conversion happens only in src/report.
 */

export interface Span {
  /** Byte offset of the first character (the statement's first keyword, or the op call). */
  start: number;
  /** Byte offset one past the last character. */
  end: number;
}

export interface TypeSpec {
  /** Normalised type name, as PostgreSQL spells it internally: int4, int8, varchar, timestamp, json … */
  name: string;
  /** Type modifiers, e.g. [20] for varchar(20). */
  mods: number[];
  array: boolean;
  /** How the migration spelled it, for messages. */
  display: string;
}

export type Volatility = 'constant' | 'stable' | 'volatile' | 'unknown';

export interface DefaultSpec {
  text: string;
  volatility: Volatility;
}

export interface ColumnSpec {
  name: string;
  type: TypeSpec | null;
  notNull: boolean;
  primaryKey: boolean;
  unique: boolean;
  default: DefaultSpec | null;
  /** GENERATED ALWAYS AS (…) STORED / VIRTUAL (PostgreSQL 18), or GENERATED … AS IDENTITY. */
  generated: 'stored' | 'virtual' | 'identity' | null;
  /** Referenced table of an inline REFERENCES clause. */
  references: string | null;
  check: boolean;
}

export type ConstraintType = 'check' | 'foreign_key' | 'unique' | 'primary_key' | 'exclusion' | 'not_null';

export type TxAction = 'begin' | 'commit' | 'rollback' | 'autocommit_start' | 'autocommit_end';

interface Base extends Span {
  /** Span of the whole statement (SQL) or call (Alembic) the operation belongs to. */
  stmt: Span;
  /** Set when the statement runs inside a DO block or a PL/pgSQL function body. */
  embedded?: 'do' | 'function';
}

export type Operation = Base &
  (
    | {
        kind: 'create_table';
        table: string;
        columns: ColumnSpec[];
        ifNotExists: boolean;
        asSelect: boolean;
        /** A UNIQUE constraint of the new table is NULLS NOT DISTINCT (PostgreSQL 15+). */
        nullsNotDistinct?: boolean;
      }
    | { kind: 'drop_table'; tables: string[]; ifExists: boolean; cascade: boolean }
    | { kind: 'rename_table'; table: string; newName: string }
    | { kind: 'truncate'; tables: string[]; cascade: boolean }
    | { kind: 'add_column'; table: string; column: ColumnSpec; ifNotExists: boolean }
    | { kind: 'drop_column'; table: string; column: string; ifExists: boolean; cascade: boolean }
    | { kind: 'rename_column'; table: string; column: string; newName: string }
    | {
        kind: 'alter_column_type';
        table: string;
        column: string;
        newType: TypeSpec | null;
        using: string | null;
        /** The column's type before the change, when the migration says (Alembic existing_type=); absent or null when unknown. */
        oldType?: TypeSpec | null;
      }
    | { kind: 'set_not_null'; table: string; column: string }
    | { kind: 'drop_not_null'; table: string; column: string }
    | { kind: 'set_default'; table: string; column: string; default: DefaultSpec }
    | { kind: 'drop_default'; table: string; column: string }
    | {
        kind: 'create_index';
        table: string;
        name: string | null;
        concurrent: boolean;
        unique: boolean;
        ifNotExists: boolean;
        columns: string[];
        method: string;
        /** UNIQUE … NULLS NOT DISTINCT (PostgreSQL 15+). */
        nullsNotDistinct?: boolean;
      }
    /** `table`: the index's table when the migration names it (Alembic's table_name), else absent. */
    | { kind: 'drop_index'; names: string[]; concurrent: boolean; ifExists: boolean; table?: string }
    | {
        kind: 'reindex'; target: 'index' | 'table' | 'schema' | 'database' | 'system'; name: string; concurrent: boolean;
        /** CONCURRENTLY written in the option list, `REINDEX (CONCURRENTLY) TABLE t` (PostgreSQL 14+), not `REINDEX TABLE CONCURRENTLY t` (12+). */
        optionList?: boolean;
      }
    | {
        kind: 'add_constraint';
        table: string;
        name: string | null;
        constraint: ConstraintType;
        notValid: boolean;
        usingIndex: string | null;
        references: string | null;
        columns: string[];
        /** Set when the constraint comes from an inline column clause of ADD COLUMN. */
        viaColumn: string | null;
        /** CHECK only: columns its expression proves NOT NULL (`CHECK (col IS NOT NULL)`); absent when unknown. */
        notNullColumns?: string[];
        /** UNIQUE … NULLS NOT DISTINCT (PostgreSQL 15+). */
        nullsNotDistinct?: boolean;
      }
    | { kind: 'validate_constraint'; table: string; name: string }
    | { kind: 'drop_constraint'; table: string; name: string; ifExists: boolean }
    /** hasWhere: a WHERE that limits the rows; whereAlwaysTrue: there is one, but it is always true (`WHERE true`, `1 = 1`). */
    | { kind: 'update'; table: string; hasWhere: boolean; whereAlwaysTrue?: boolean }
    | { kind: 'delete'; table: string; hasWhere: boolean; whereAlwaysTrue?: boolean }
    | { kind: 'insert'; table: string; rows: number | null }
    | { kind: 'vacuum'; full: boolean; tables: string[] }
    | { kind: 'cluster'; table: string | null }
    | { kind: 'detach_partition'; table: string; partition: string; concurrent: boolean }
    | { kind: 'attach_partition'; table: string; partition: string }
    | { kind: 'lock_table'; tables: string[]; mode: string }
    | { kind: 'refresh_matview'; name: string; concurrent: boolean; withData: boolean }
    /** MERGE INTO t, COPY t FROM …: data changes that are not a plain INSERT/UPDATE/DELETE. */
    | { kind: 'load_data'; table: string; via: 'merge' | 'copy' }
    | { kind: 'add_enum_value'; type: string; value: string }
    | { kind: 'create_domain'; name: string; hasConstraint: boolean }
    /** ADD CONSTRAINT, or SET NOT NULL (`notNull`: the same scan, and it cannot be NOT VALID). */
    | { kind: 'alter_domain_add_constraint'; name: string; notValid: boolean; notNull?: boolean }
    | { kind: 'alter_table_set'; table: string; action: 'set_logged' | 'set_unlogged' | 'set_tablespace' | 'other' }
    | { kind: 'drop_object'; objectType: string; names: string[]; cascade: boolean }
    | { kind: 'create_object'; objectType: string; name: string }
    | { kind: 'set_config'; name: string; value: string | null; local: boolean }
    | { kind: 'transaction'; action: TxAction }
    | { kind: 'dynamic_sql'; reason: string }
    | { kind: 'raw'; statement: string }
  );

export type OpKind = Operation['kind'];
export type OpOf<K extends OpKind> = Extract<Operation, { kind: K }>;

/** Tables an operation touches, for context exemptions and phases. */
export function tablesOf(op: Operation): string[] {
  switch (op.kind) {
    case 'drop_table':
    case 'truncate':
    case 'vacuum':
    case 'lock_table':
      return op.tables;
    case 'cluster':
      return op.table ? [op.table] : [];
    case 'refresh_matview':
      return [op.name];
    default:
      return 'table' in op && typeof op.table === 'string' ? [op.table] : [];
  }
}
