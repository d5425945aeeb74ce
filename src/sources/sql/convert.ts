/**
 * libpg-query statement AST → operations. Pure: the caller supplies spans.
 */
import type { ColumnSpec, ConstraintType, Operation, Span, TypeSpec } from '../../model/operation.js';
import { defaultSpec, exprText, funcName } from './volatility.js';

type OpBody = Operation extends infer O ? (O extends Operation ? Omit<O, 'start' | 'end' | 'stmt'> : never) : never;

export function rangeVarName(rv: any): string {
  if (!rv) return '?';
  return rv.schemaname ? `${rv.schemaname}.${rv.relname}` : String(rv.relname ?? '?');
}

function listName(item: any): string {
  const items = item?.List?.items ?? (item?.String ? [item] : []);
  return items.map((s: any) => s?.String?.sval ?? '').join('.');
}

const FRIENDLY: Record<string, string> = {
  int2: 'smallint', int4: 'integer', int8: 'bigint', bool: 'boolean', float4: 'real', float8: 'double precision',
  bpchar: 'char', timestamptz: 'timestamptz', timestamp: 'timestamp', varchar: 'varchar',
};

export function typeSpec(tn: any): TypeSpec | null {
  if (!tn) return null;
  const names: string[] = (tn.names ?? []).map((n: any) => n?.String?.sval ?? '');
  const base = names.filter((n) => n !== 'pg_catalog');
  const name = (base.join('.') || '?').toLowerCase();
  const mods: number[] = (tn.typmods ?? [])
    .map((m: any) => m?.A_Const?.ival?.ival)
    .filter((x: unknown) => typeof x === 'number');
  const array = Array.isArray(tn.arrayBounds) && tn.arrayBounds.length > 0;
  const display = `${FRIENDLY[name] ?? name}${mods.length ? `(${mods.join(',')})` : ''}${array ? '[]' : ''}`;
  return { name, mods, array, display };
}

const SERIAL = new Set(['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8']);
export const isSerial = (t: TypeSpec | null) => !!t && SERIAL.has(t.name);

export function columnSpec(cd: any): ColumnSpec {
  const col: ColumnSpec = {
    name: String(cd.colname ?? '?'),
    type: typeSpec(cd.typeName),
    notNull: false,
    primaryKey: false,
    unique: false,
    default: null,
    generated: null,
    references: null,
    check: false,
  };
  for (const c of cd.constraints ?? []) {
    const k = c?.Constraint;
    if (!k) continue;
    switch (k.contype) {
      case 'CONSTR_NOTNULL':
        col.notNull = true;
        break;
      case 'CONSTR_PRIMARY':
        col.primaryKey = true;
        col.notNull = true;
        break;
      case 'CONSTR_UNIQUE':
        col.unique = true;
        break;
      case 'CONSTR_DEFAULT':
        col.default = defaultSpec(k.raw_expr);
        break;
      case 'CONSTR_GENERATED':
        // PostgreSQL 18 VIRTUAL columns are computed on read: no rewrite
        col.generated = k.generated_kind === 'v' ? 'virtual' : 'stored';
        break;
      case 'CONSTR_IDENTITY':
        col.generated = 'identity';
        col.notNull = true;
        break;
      case 'CONSTR_FOREIGN':
        col.references = rangeVarName(k.pktable);
        break;
      case 'CONSTR_CHECK':
        col.check = true;
        break;
    }
  }
  if (isSerial(col.type)) col.notNull = true;
  return col;
}

const CONTYPE: Record<string, ConstraintType> = {
  CONSTR_CHECK: 'check',
  CONSTR_FOREIGN: 'foreign_key',
  CONSTR_UNIQUE: 'unique',
  CONSTR_PRIMARY: 'primary_key',
  CONSTR_EXCLUSION: 'exclusion',
  CONSTR_NOTNULL: 'not_null',
};

const LOCK_MODES = [
  '', 'ACCESS SHARE', 'ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE', 'ACCESS EXCLUSIVE',
];

const objType = (t: string | undefined) => String(t ?? 'OBJECT_UNKNOWN').replace(/^OBJECT_/, '').toLowerCase();

function alterTableCmd(table: string, cmd: any): OpBody[] {
  const name = String(cmd.name ?? '?');
  switch (cmd.subtype) {
    case 'AT_AddColumn': {
      const cd = cmd.def?.ColumnDef;
      if (!cd) return [{ kind: 'raw', statement: 'AlterTable' }];
      const column = columnSpec(cd);
      const out: OpBody[] = [{ kind: 'add_column', table, column, ifNotExists: !!cmd.missing_ok }];
      const inline = (constraint: ConstraintType, references: string | null): OpBody => ({
        kind: 'add_constraint', table, name: null, constraint, notValid: false, usingIndex: null, references,
        columns: [column.name], viaColumn: column.name,
      });
      if (column.references) out.push(inline('foreign_key', column.references));
      if (column.primaryKey) out.push(inline('primary_key', null));
      else if (column.unique) {
        const u = inline('unique', null);
        if (uniqueNullsNotDistinct(cd.constraints)) Object.assign(u, { nullsNotDistinct: true });
        out.push(u);
      }
      if (column.check) out.push(inline('check', null));
      return out;
    }
    case 'AT_DropColumn':
      return [{ kind: 'drop_column', table, column: name, ifExists: !!cmd.missing_ok, cascade: cmd.behavior === 'DROP_CASCADE' }];
    case 'AT_AlterColumnType': {
      const cd = cmd.def?.ColumnDef;
      return [{ kind: 'alter_column_type', table, column: name, newType: typeSpec(cd?.typeName), using: cd?.raw_default ? exprText(cd.raw_default) : null }];
    }
    case 'AT_SetNotNull':
      return [{ kind: 'set_not_null', table, column: name }];
    case 'AT_DropNotNull':
      return [{ kind: 'drop_not_null', table, column: name }];
    case 'AT_ColumnDefault':
      return cmd.def
        ? [{ kind: 'set_default', table, column: name, default: defaultSpec(cmd.def) }]
        : [{ kind: 'drop_default', table, column: name }];
    case 'AT_AddConstraint': {
      const k = cmd.def?.Constraint ?? {};
      const constraint = CONTYPE[k.contype];
      if (!constraint) return [{ kind: 'alter_table_set', table, action: 'other' }];
      const cols = (k.keys ?? k.fk_attrs ?? []).map((s: any) => s?.String?.sval ?? '');
      const body: OpBody = {
        kind: 'add_constraint', table, name: k.conname ?? null, constraint, notValid: !!k.skip_validation,
        usingIndex: k.indexname ?? null, references: k.pktable ? rangeVarName(k.pktable) : null, columns: cols, viaColumn: null,
      };
      // CHECK (col IS NOT NULL): once validated, PostgreSQL 12+ sets NOT NULL on col without a scan
      const notNull = constraint === 'check' ? provenNotNull(k.raw_expr) : [];
      if (notNull.length) body.notNullColumns = notNull;
      if (k.nulls_not_distinct) body.nullsNotDistinct = true;
      return [body];
    }
    case 'AT_ValidateConstraint':
      return [{ kind: 'validate_constraint', table, name }];
    case 'AT_DropConstraint':
      return [{ kind: 'drop_constraint', table, name, ifExists: !!cmd.missing_ok }];
    case 'AT_DetachPartition':
      return [{ kind: 'detach_partition', table, partition: rangeVarName(cmd.def?.PartitionCmd?.name), concurrent: !!cmd.def?.PartitionCmd?.concurrent }];
    case 'AT_DetachPartitionFinalize':
      return [{ kind: 'raw', statement: 'DetachPartitionFinalize' }];
    case 'AT_AttachPartition':
      return [{ kind: 'attach_partition', table, partition: rangeVarName(cmd.def?.PartitionCmd?.name) }];
    case 'AT_SetLogged':
      return [{ kind: 'alter_table_set', table, action: 'set_logged' }];
    case 'AT_SetUnLogged':
      return [{ kind: 'alter_table_set', table, action: 'set_unlogged' }];
    case 'AT_SetTableSpace':
      return [{ kind: 'alter_table_set', table, action: 'set_tablespace' }];
    default:
      return [{ kind: 'alter_table_set', table, action: 'other' }];
  }
}

/**
 * The operations of an ALTER TABLE, one list per subcommand in the order written (the front end
 * reports each at its subcommand), or null for ALTER INDEX / VIEW / SEQUENCE … (same parse node).
 */
export function alterTableCommands(s: any): OpBody[][] | null {
  if (s.objtype && s.objtype !== 'OBJECT_TABLE') return null;
  const t = rangeVarName(s.relation);
  return (s.cmds ?? []).map((c: any) => (c?.AlterTableCmd ? alterTableCmd(t, c.AlterTableCmd) : []));
}

/** Convert one parsed statement. DoStmt is handled by the caller. */
export function convertStatement(node: Record<string, any>): OpBody[] {
  const [type] = Object.keys(node);
  const s = node[type!] ?? {};
  // data-modifying CTEs (WITH d AS (DELETE … RETURNING *) …) run as part of the statement
  const ctes: OpBody[] = [];
  for (const c of s.withClause?.ctes ?? []) {
    const q = c?.CommonTableExpr?.ctequery;
    if (q && (q.UpdateStmt || q.DeleteStmt || q.InsertStmt)) ctes.push(...convertStatement(q));
  }
  const own = convertOne(type!, s);
  return ctes.length ? [...ctes, ...own.filter((o) => !(o.kind === 'raw' && o.statement === 'Select'))] : own;
}

function convertOne(type: string, s: any): OpBody[] {
  switch (type) {
    case 'AlterTableStmt':
      return alterTableCommands(s)?.flat() ?? [{ kind: 'raw', statement: `Alter${objType(s.objtype)}` }];
    case 'CreateStmt': {
      const columns: ColumnSpec[] = (s.tableElts ?? []).filter((e: any) => e?.ColumnDef).map((e: any) => columnSpec(e.ColumnDef));
      // table-level PRIMARY KEY (…) / UNIQUE (…) constraints mark their columns too
      for (const e of s.tableElts ?? []) {
        const k = e?.Constraint;
        if (!k || (k.contype !== 'CONSTR_PRIMARY' && k.contype !== 'CONSTR_UNIQUE')) continue;
        for (const key of k.keys ?? []) {
          const col = columns.find((c) => c.name === key?.String?.sval);
          if (!col) continue;
          if (k.contype === 'CONSTR_PRIMARY') {
            col.primaryKey = true;
            col.notNull = true;
          } else col.unique = true;
        }
      }
      const elts: any[] = s.tableElts ?? [];
      const nnd = elts.some((e) => e?.Constraint?.nulls_not_distinct || uniqueNullsNotDistinct(e?.ColumnDef?.constraints));
      return [{ kind: 'create_table', table: rangeVarName(s.relation), ifNotExists: !!s.if_not_exists, asSelect: false, columns, ...(nnd ? { nullsNotDistinct: true } : {}) }];
    }
    case 'CreateTableAsStmt': {
      const into = s.into?.IntoClause ?? s.into;
      if (s.objtype === 'OBJECT_MATVIEW') return [{ kind: 'create_object', objectType: 'matview', name: rangeVarName(into?.rel) }];
      return [{ kind: 'create_table', table: rangeVarName(into?.rel), ifNotExists: !!s.if_not_exists, asSelect: true, columns: [] }];
    }
    case 'RenameStmt': {
      if (s.renameType === 'OBJECT_TABLE') return [{ kind: 'rename_table', table: rangeVarName(s.relation), newName: String(s.newname) }];
      if (s.renameType === 'OBJECT_COLUMN' && (s.relationType === 'OBJECT_TABLE' || !s.relationType))
        return [{ kind: 'rename_column', table: rangeVarName(s.relation), column: String(s.subname), newName: String(s.newname) }];
      return [{ kind: 'raw', statement: `Rename${objType(s.renameType)}` }];
    }
    case 'DropStmt': {
      const names = (s.objects ?? []).map(listName);
      const cascade = s.behavior === 'DROP_CASCADE';
      if (s.removeType === 'OBJECT_TABLE') return [{ kind: 'drop_table', tables: names, ifExists: !!s.missing_ok, cascade }];
      if (s.removeType === 'OBJECT_INDEX') return [{ kind: 'drop_index', names, concurrent: !!s.concurrent, ifExists: !!s.missing_ok }];
      return [{ kind: 'drop_object', objectType: objType(s.removeType), names, cascade }];
    }
    case 'DropdbStmt':
      return [{ kind: 'drop_object', objectType: 'database', names: [String(s.dbname)], cascade: false }];
    case 'IndexStmt':
      return [{
        kind: 'create_index', table: rangeVarName(s.relation),
        // an index lives in its table's schema
        name: s.idxname ? (s.relation?.schemaname ? `${s.relation.schemaname}.${s.idxname}` : s.idxname) : null, concurrent: !!s.concurrent,
        unique: !!s.unique, ifNotExists: !!s.if_not_exists, method: String(s.accessMethod ?? 'btree'),
        columns: (s.indexParams ?? []).map((p: any) => p?.IndexElem?.name ?? (p?.IndexElem?.expr ? exprText(p.IndexElem.expr) : '?')),
        ...(s.nulls_not_distinct ? { nullsNotDistinct: true } : {}),
      }];
    case 'ReindexStmt': {
      const kind = String(s.kind ?? '').replace(/^REINDEX_OBJECT_/, '').toLowerCase() as any;
      const concurrent = !!s.concurrent || (s.params ?? []).some((p: any) => p?.DefElem?.defname === 'concurrently');
      const name = s.relation ? rangeVarName(s.relation) : String(s.name ?? '');
      return [{ kind: 'reindex', target: kind, name, concurrent }];
    }
    case 'TruncateStmt':
      return [{ kind: 'truncate', tables: (s.relations ?? []).map((r: any) => rangeVarName(r.RangeVar ?? r)), cascade: s.behavior === 'DROP_CASCADE' }];
    case 'UpdateStmt':
    case 'DeleteStmt': {
      const alwaysTrue = !!s.whereClause && isTrue(s.whereClause);
      return [{ kind: type === 'UpdateStmt' ? 'update' : 'delete', table: rangeVarName(s.relation), hasWhere: !!s.whereClause && !alwaysTrue, ...(alwaysTrue ? { whereAlwaysTrue: true } : {}) }];
    }
    case 'InsertStmt': {
      const values = s.selectStmt?.SelectStmt?.valuesLists;
      return [{ kind: 'insert', table: rangeVarName(s.relation), rows: Array.isArray(values) ? values.length : null }];
    }
    case 'VacuumStmt': {
      // false values are left out of the parse tree: ANALYZE has no is_vacuumcmd at all
      if (!s.is_vacuumcmd) return [{ kind: 'raw', statement: 'Analyze' }];
      const full = (s.options ?? []).some((o: any) => o?.DefElem?.defname === 'full' && optionOn(o.DefElem.arg));
      return [{ kind: 'vacuum', full, tables: (s.rels ?? []).map((r: any) => rangeVarName(r?.VacuumRelation?.relation)) }];
    }
    case 'ClusterStmt':
      return [{ kind: 'cluster', table: s.relation ? rangeVarName(s.relation) : null }];
    case 'LockStmt':
      return [{ kind: 'lock_table', tables: (s.relations ?? []).map((r: any) => rangeVarName(r.RangeVar ?? r)), mode: LOCK_MODES[s.mode] ?? 'ACCESS EXCLUSIVE' }];
    case 'RefreshMatViewStmt':
      return [{ kind: 'refresh_matview', name: rangeVarName(s.relation), concurrent: !!s.concurrent, withData: !s.skipData }];
    case 'AlterEnumStmt':
      if (s.oldVal) return [{ kind: 'raw', statement: 'AlterEnumRenameValue' }];
      return [{ kind: 'add_enum_value', type: funcName(s.typeName), value: String(s.newVal ?? '') }];
    case 'CreateDomainStmt':
      return [{ kind: 'create_domain', name: funcName(s.domainname), hasConstraint: (s.constraints ?? []).some((c: any) => c?.Constraint?.contype === 'CONSTR_CHECK') }];
    case 'AlterDomainStmt':
      if (s.subtype === 'C') return [{ kind: 'alter_domain_add_constraint', name: funcName(s.typeName), notValid: !!s.def?.Constraint?.skip_validation }];
      // 'O' is SET NOT NULL ('N' is DROP NOT NULL), as in PostgreSQL's AlterDomainStmt
      if (s.subtype === 'O') return [{ kind: 'alter_domain_add_constraint', name: funcName(s.typeName), notValid: false, notNull: true }];
      return [{ kind: 'raw', statement: 'AlterDomain' }];
    case 'VariableSetStmt': {
      const name = String(s.name ?? '').toLowerCase();
      if (s.kind === 'VAR_SET_VALUE') {
        const a = s.args?.[0]?.A_Const;
        const value = a ? String(a.sval?.sval ?? a.ival?.ival ?? a.fval?.fval ?? (a.ival ? 0 : '')) : null;
        return [{ kind: 'set_config', name, value, local: !!s.is_local }];
      }
      if (s.kind === 'VAR_SET_DEFAULT' || s.kind === 'VAR_RESET') return [{ kind: 'set_config', name, value: null, local: !!s.is_local }];
      // RESET ALL: every setting back to its default (name 'all', which no real setting has)
      if (s.kind === 'VAR_RESET_ALL') return [{ kind: 'set_config', name: 'all', value: null, local: false }];
      return [{ kind: 'raw', statement: 'VariableSet' }];
    }
    case 'DiscardStmt':
      // DISCARD ALL includes RESET ALL
      if (s.target === 'DISCARD_ALL') return [{ kind: 'set_config', name: 'all', value: null, local: false }];
      return [{ kind: 'raw', statement: 'Discard' }];
    case 'MergeStmt':
      return [{ kind: 'load_data', table: rangeVarName(s.relation), via: 'merge' }];
    case 'CopyStmt':
      if (s.is_from && s.relation) return [{ kind: 'load_data', table: rangeVarName(s.relation), via: 'copy' }];
      return [{ kind: 'raw', statement: 'Copy' }];
    case 'SelectStmt': {
      // SELECT … INTO t creates a table, like CREATE TABLE t AS
      const into = s.intoClause?.IntoClause ?? s.intoClause;
      if (into?.rel) return [{ kind: 'create_table', table: rangeVarName(into.rel), ifNotExists: false, asSelect: true, columns: [] }];
      // SELECT set_config('lock_timeout', '5s', false)
      const out: OpBody[] = [];
      for (const t of s.targetList ?? []) {
        const f = t?.ResTarget?.val?.FuncCall;
        if (f && funcName(f.funcname).toLowerCase().replace(/^pg_catalog\./, '') === 'set_config') {
          const [n, v, l] = f.args ?? [];
          const name = n?.A_Const?.sval?.sval;
          const value = v?.A_Const?.sval?.sval;
          if (typeof name === 'string') out.push({ kind: 'set_config', name: name.toLowerCase(), value: value ?? null, local: !!l?.A_Const?.boolval?.boolval });
        }
      }
      return out.length ? out : [{ kind: 'raw', statement: 'Select' }];
    }
    case 'TransactionStmt': {
      switch (s.kind) {
        case 'TRANS_STMT_BEGIN':
        case 'TRANS_STMT_START':
          return [{ kind: 'transaction', action: 'begin' }];
        case 'TRANS_STMT_COMMIT':
        case 'TRANS_STMT_ROLLBACK': {
          const end: OpBody = { kind: 'transaction', action: s.kind === 'TRANS_STMT_COMMIT' ? 'commit' : 'rollback' };
          // … AND CHAIN starts a new transaction at once (same statement: see MigrationContext.transactionEndedBy)
          return s.chain ? [end, { kind: 'transaction', action: 'begin' }] : [end];
        }
        default:
          return [{ kind: 'raw', statement: 'Transaction' }];
      }
    }
    case 'AlterObjectSchemaStmt':
      // moving a table to another schema renames it for every query that names the old one
      if (s.objectType === 'OBJECT_TABLE') return [{ kind: 'rename_table', table: rangeVarName(s.relation), newName: `${s.newschema}.${s.relation?.relname}` }];
      return [{ kind: 'raw', statement: 'AlterObjectSchema' }];
    case 'CreateExtensionStmt':
      return [{ kind: 'create_object', objectType: 'extension', name: String(s.extname) }];
    case 'ViewStmt':
      return [{ kind: 'create_object', objectType: 'view', name: rangeVarName(s.view) }];
    case 'CreateSeqStmt':
      return [{ kind: 'create_object', objectType: 'sequence', name: rangeVarName(s.sequence) }];
    case 'CreateEnumStmt':
    case 'CompositeTypeStmt':
      return [{ kind: 'create_object', objectType: 'type', name: type === 'CreateEnumStmt' ? funcName(s.typeName) : rangeVarName(s.typevar) }];
    case 'CreateSchemaStmt':
      return [{ kind: 'create_object', objectType: 'schema', name: String(s.schemaname) }];
    case 'CreateFunctionStmt':
      return [{ kind: 'create_object', objectType: s.is_procedure ? 'procedure' : 'function', name: funcName(s.funcname) }];
    case 'CreateTrigStmt':
      return [{ kind: 'create_object', objectType: 'trigger', name: String(s.trigname) }];
    default:
      return [{ kind: 'raw', statement: String(type).replace(/Stmt$/, '') }];
  }
}

/** A boolean option value: absent means on; false/off/0 (as String, Integer or Boolean) mean off. */
function optionOn(arg: any): boolean {
  if (!arg) return true;
  if (arg.Boolean) return arg.Boolean.boolval === true;
  if (arg.Integer) return (arg.Integer.ival ?? 0) !== 0;
  if (arg.String) return !/^(false|off|no|0)$/i.test(String(arg.String.sval ?? ''));
  return true;
}

/** A WHERE clause that is always true (`true`, `1 = 1`, `'a' = 'a'`, `NOT false`, `x OR 1 = 1`): no filter at all. */
function isTrue(where: any): boolean {
  if (where?.A_Const) return where.A_Const.boolval?.boolval === true;
  const b = where?.BoolExpr;
  if (b) {
    const args: any[] = b.args ?? [];
    if (b.boolop === 'OR_EXPR') return args.some(isTrue);
    if (b.boolop === 'AND_EXPR') return args.length > 0 && args.every(isTrue);
    if (b.boolop === 'NOT_EXPR') return isFalse(args[0]);
    return false;
  }
  const e = where?.A_Expr;
  if (e?.kind === 'AEXPR_OP' && e.name?.length === 1 && e.name[0]?.String?.sval === '=' && e.lexpr?.A_Const && e.rexpr?.A_Const) {
    return constKey(e.lexpr.A_Const) === constKey(e.rexpr.A_Const);
  }
  return false;
}

/** A column's constraint list has UNIQUE NULLS NOT DISTINCT. */
function uniqueNullsNotDistinct(constraints: any[] | undefined): boolean {
  return (constraints ?? []).some((c: any) => c?.Constraint?.contype === 'CONSTR_UNIQUE' && !!c.Constraint.nulls_not_distinct);
}

/** Columns a CHECK expression forces to be non-NULL: `col IS NOT NULL`, alone or AND-ed with others. */
export function provenNotNull(expr: any): string[] {
  const t = expr?.NullTest;
  if (t) {
    const fields = t.arg?.ColumnRef?.fields ?? [];
    const col = fields.length === 1 ? fields[0]?.String?.sval : undefined;
    return t.nulltesttype === 'IS_NOT_NULL' && typeof col === 'string' ? [col] : [];
  }
  const b = expr?.BoolExpr;
  if (b?.boolop === 'AND_EXPR') return (b.args ?? []).flatMap(provenNotNull);
  return [];
}

function isFalse(x: any): boolean {
  return !!x?.A_Const?.boolval && x.A_Const.boolval.boolval !== true;
}

/** A constant's value and type, without its location. */
function constKey(c: any): string {
  const { location: _location, ...rest } = c;
  return JSON.stringify(rest);
}

export type { OpBody };
export function withSpan(body: OpBody, span: Span, stmt: Span): Operation {
  return { ...body, start: span.start, end: span.end, stmt } as Operation;
}
