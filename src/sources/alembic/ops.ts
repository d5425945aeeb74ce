/**
 * One Alembic operation call → the shared Operation model. Every op of the Alembic API that
 * changes a PostgreSQL schema is mapped, in both its `op.<fn>(table, …)` and its
 * `batch_op.<fn>(…)` form; SQL strings go through the SQL front end with their positions mapped
 * back into the .py file.
 */
import type { ColumnSpec, Operation, Span } from '../../model/operation.js';
import type { Directive, InvalidDirective, SourceProblem } from '../../model/migration.js';
import type { SourceText } from '../source-text.js';
import type { OpBody } from '../sql/convert.js';
import { analyzeSql } from '../sql/analyze.js';
import type { BodyEvent } from './extract.js';
import { columnNames, isAutoincrement, nameOf, primaryKeyColumns, readColumn, toColumnSpec, type SaColumn } from './columns.js';
import { maskBindParams, sqlSource, tableName } from './sql.js';
import { checkNotNullColumns, sameCollation, sqlType } from './sqltypes.js';
import { arg, isFalse, isTrue, lastSegment, type CallValue, type PyValue } from './values.js';

export interface Mapped {
  ops: Operation[];
  problems: SourceProblem[];
  /** `-- migsafe-ignore` comments inside the SQL strings of the call (op.execute): they cover that SQL's statements. */
  directives: Directive[];
  invalidDirectives: InvalidDirective[];
}

type CallEvent = Extract<BodyEvent, { kind: 'call' }>;

export class OpMapper {
  constructor(
    readonly src: string,
    readonly source: SourceText,
  ) {}

  span(n: { start: number; end: number }): Span {
    return { start: this.source.byteAt(n.start), end: this.source.byteAt(n.end) };
  }

  map(ev: CallEvent): Mapped {
    const call = ev.call;
    const stmt = this.span(call.node);
    const out: Mapped = { ops: [], problems: [], directives: [], invalidDirectives: [] };
    // Every body is a fresh literal: give it its span in place (a spread of ~20 different shapes is V8's slow path).
    const push = (body: OpBody, at: Span = stmt) => out.ops.push(Object.assign(body, { start: at.start, end: at.end, stmt }) as Operation);
    if (ev.via === 'bind') {
      this.sql(arg(call, 0, 'statement', 'sqltext'), call, stmt, out, ev.fn !== 'exec_driver_sql');
      return out;
    }
    const b = ev.batch !== null;
    // Positional index of an argument in the op.<fn> form; batch forms drop the table argument.
    const at = (opIndex: number, batchIndex: number, ...names: string[]) => arg(call, b ? batchIndex : opIndex, ...names);
    const schema = call.kwargs.get('schema') ?? ev.batch?.schema;
    const qualify = (t: string | null) => (t && schema?.t === 'str' ? `${schema.s.value}.${t}` : t ?? '?');
    const table = (opIndex: number, ...names: string[]) => qualify(b ? nameOf(ev.batch!.table, this.src) : nameOf(arg(call, opIndex, ...names), this.src));

    switch (ev.fn) {
      case 'add_column': {
        const t = table(0, 'table_name');
        const col = readColumn(at(1, 0, 'column'), this.src);
        if (!col) {
          push({ kind: 'add_column', table: t, column: unknownColumn(), ifNotExists: isTrue(call.kwargs.get('if_not_exists')) });
          break;
        }
        this.columnOps(t, col, isAutoincrement(col, col.primaryKey ? 1 : 0), push, isTrue(call.kwargs.get('if_not_exists')));
        break;
      }
      case 'drop_column':
        push({
          kind: 'drop_column', table: table(0, 'table_name'), column: nameOf(at(1, 0, 'column_name'), this.src) ?? '?',
          ifExists: isTrue(call.kwargs.get('if_exists')), cascade: false,
        });
        break;
      case 'alter_column':
        this.alterColumn(table(0, 'table_name'), nameOf(at(1, 0, 'column_name'), this.src) ?? '?', call, push);
        break;
      case 'create_table': {
        const t = qualify(nameOf(arg(call, 0, 'table_name'), this.src));
        const items = call.args.slice(1);
        const cols = items.map((i) => readColumn(i, this.src)).filter((c): c is SaColumn => c !== null);
        const pkNames = primaryKeyColumns(items);
        for (const c of cols) if (pkNames.includes(c.name)) c.primaryKey = true;
        const pkCount = cols.filter((c) => c.primaryKey).length;
        // sa.UniqueConstraint(…, postgresql_nulls_not_distinct=True) renders UNIQUE NULLS NOT DISTINCT
        const nnd = items.some((i) => i.t === 'call' && lastSegment(i.callee) === 'UniqueConstraint' && isTrue(i.kwargs.get('postgresql_nulls_not_distinct')));
        push({
          kind: 'create_table', table: t, ifNotExists: isTrue(call.kwargs.get('if_not_exists')), asSelect: false,
          columns: cols.map((c) => toColumnSpec(c, isAutoincrement(c, pkCount))),
          ...(nnd ? { nullsNotDistinct: true } : {}),
        });
        // Column(index=True) becomes CREATE INDEX after the table; harmless on a new table, but still an index.
        for (const c of cols) if (c.index) push(indexOp(t, c));
        break;
      }
      case 'drop_table':
        push({ kind: 'drop_table', tables: [qualify(nameOf(arg(call, 0, 'table_name'), this.src))], ifExists: isTrue(call.kwargs.get('if_exists')), cascade: false });
        break;
      case 'rename_table':
        push({ kind: 'rename_table', table: qualify(nameOf(arg(call, 0, 'old_table_name'), this.src)), newName: nameOf(arg(call, 1, 'new_table_name'), this.src) ?? '?' });
        break;
      case 'create_index': {
        const using = call.kwargs.get('postgresql_using');
        push({
          kind: 'create_index', table: table(1, 'table_name'), name: nameOf(arg(call, 0, 'index_name', 'name'), this.src),
          concurrent: isTrue(call.kwargs.get('postgresql_concurrently')), unique: isTrue(call.kwargs.get('unique')),
          ifNotExists: isTrue(call.kwargs.get('if_not_exists')), columns: columnNames(at(2, 1, 'columns'), this.src),
          method: using?.t === 'str' ? using.s.value.toLowerCase() : 'btree',
          ...(isTrue(call.kwargs.get('postgresql_nulls_not_distinct')) ? { nullsNotDistinct: true } : {}),
        });
        break;
      }
      case 'drop_index': {
        const n = nameOf(arg(call, 0, 'index_name', 'name'), this.src) ?? '?';
        const t = b || call.kwargs.has('table_name') || call.args.length > 1 ? table(1, 'table_name') : null;
        push({
          kind: 'drop_index', names: [schema?.t === 'str' ? `${schema.s.value}.${n}` : n],
          concurrent: isTrue(call.kwargs.get('postgresql_concurrently')), ifExists: isTrue(call.kwargs.get('if_exists')),
          ...(t && t !== '?' ? { table: t } : {}),
        });
        break;
      }
      case 'create_unique_constraint':
      case 'create_primary_key':
        push({
          kind: 'add_constraint', table: table(1, 'table_name', 'source'), name: nameOf(arg(call, 0, 'constraint_name', 'name'), this.src),
          constraint: ev.fn === 'create_unique_constraint' ? 'unique' : 'primary_key', notValid: false, usingIndex: null,
          references: null, columns: columnNames(at(2, 1, 'columns', 'local_cols'), this.src), viaColumn: null,
          ...(ev.fn === 'create_unique_constraint' && isTrue(call.kwargs.get('postgresql_nulls_not_distinct')) ? { nullsNotDistinct: true } : {}),
        });
        break;
      case 'create_foreign_key': {
        const refSchema = call.kwargs.get('referent_schema');
        const ref = nameOf(at(2, 1, 'referent_table', 'referent'), this.src);
        push({
          kind: 'add_constraint', table: table(1, 'source_table', 'source'), name: nameOf(arg(call, 0, 'constraint_name', 'name'), this.src),
          constraint: 'foreign_key', notValid: isTrue(call.kwargs.get('postgresql_not_valid')), usingIndex: null,
          references: ref && refSchema?.t === 'str' ? `${refSchema.s.value}.${ref}` : ref, columns: columnNames(at(3, 2, 'local_cols'), this.src),
          viaColumn: null,
        });
        break;
      }
      case 'create_check_constraint':
      case 'create_exclude_constraint':
        push({
          kind: 'add_constraint', table: table(1, 'table_name', 'source'), name: nameOf(arg(call, 0, 'constraint_name', 'name'), this.src),
          constraint: ev.fn === 'create_check_constraint' ? 'check' : 'exclusion',
          notValid: isTrue(call.kwargs.get('postgresql_not_valid')), usingIndex: null, references: null, columns: [], viaColumn: null,
          ...(ev.fn === 'create_check_constraint' ? notNullColumns(arg(call, b ? 1 : 2, 'condition')) : {}),
        });
        break;
      case 'drop_constraint':
        push({
          kind: 'drop_constraint', table: table(1, 'table_name'), name: nameOf(arg(call, 0, 'constraint_name', 'name'), this.src) ?? '?',
          ifExists: isTrue(call.kwargs.get('if_exists')),
        });
        break;
      case 'execute':
        this.sql(arg(call, 0, 'sqltext'), call, stmt, out, true);
        break;
      case 'bulk_insert': {
        const rows = arg(call, 1, 'rows');
        push({ kind: 'insert', table: tableName(arg(call, 0, 'table')) ?? nameOf(arg(call, 0, 'table'), this.src) ?? '?', rows: rows?.t === 'seq' ? rows.items.length : null });
        break;
      }
      case 'batch_alter_table': {
        // On PostgreSQL, batch operations are plain ALTERs unless recreate="always" copies the whole table.
        const recreate = call.kwargs.get('recreate');
        if (recreate?.t === 'str' && recreate.s.value === 'always') push({ kind: 'raw', statement: 'batch_alter_table(recreate="always")' });
        break;
      }
      default:
        push({ kind: 'raw', statement: `${b ? 'batch_op' : 'op'}.${ev.fn}` });
    }
    return out;
  }

  private columnOps(table: string, c: SaColumn, autoincrement: boolean, push: (b: OpBody) => void, ifNotExists: boolean): void {
    const column = toColumnSpec(c, autoincrement);
    push({ kind: 'add_column', table, column, ifNotExists });
    // Alembic's add_column emits the column's constraints (not its primary key) and indexes as separate statements.
    const inline = (constraint: 'foreign_key' | 'unique' | 'check', references: string | null): OpBody => ({
      kind: 'add_constraint', table, name: null, constraint, notValid: false, usingIndex: null, references, columns: [c.name], viaColumn: c.name,
    });
    if (c.references) push(inline('foreign_key', c.references));
    if (c.unique && !c.index) push(inline('unique', null));
    if (c.check) push(inline('check', null));
    if (c.index) push(indexOp(table, c));
  }

  private alterColumn(table: string, column: string, call: CallValue, push: (b: OpBody) => void): void {
    // PostgreSQL impl order: TYPE (with USING), then NULL/NOT NULL, DEFAULT, and the rename last.
    const type = call.kwargs.get('type_');
    if (type && type.t !== 'none') {
      const using = call.kwargs.get('postgresql_using');
      // existing_type= is the column's type before the change. Alembic emits TYPE without COLLATE
      // unless type_ has one, so a collation on either side may change it: then the old type does not
      // tell whether the change only touches the catalog.
      const existing = call.kwargs.get('existing_type');
      const oldType = existing && existing.t !== 'none' && sameCollation(existing, type) ? sqlType(existing) : null;
      push({
        kind: 'alter_column_type', table, column, newType: sqlType(type), oldType,
        using: using?.t === 'str' ? using.s.value : using ? this.src.slice(using.node.start, using.node.end) : null,
      });
    }
    const nullable = call.kwargs.get('nullable');
    if (isFalse(nullable)) push({ kind: 'set_not_null', table, column });
    else if (isTrue(nullable)) push({ kind: 'drop_not_null', table, column });
    const sd = call.kwargs.get('server_default');
    if (sd && !isFalse(sd)) {
      if (sd.t === 'none') push({ kind: 'drop_default', table, column });
      else {
        const c = readColumn({ t: 'call', callee: 'sa.Column', name: 'Column', receiver: null, args: [], kwargs: new Map([['server_default', sd]]), star: false, node: sd.node }, this.src);
        push({ kind: 'set_default', table, column, default: c?.default ?? { text: this.src.slice(sd.node.start, sd.node.end), volatility: 'unknown' } });
      }
    }
    const rename = call.kwargs.get('new_column_name');
    if (rename && rename.t !== 'none') push({ kind: 'rename_column', table, column, newName: nameOf(rename, this.src) ?? '?' });
  }

  private sql(v: PyValue | undefined, call: CallValue, stmt: Span, out: Mapped, textSemantics: boolean): void {
    const src = sqlSource(v);
    const argSpan = v ? this.span(v.node) : stmt;
    if (src.kind === 'dynamic') {
      out.ops.push({ kind: 'dynamic_sql', reason: src.reason, start: argSpan.start, end: argSpan.end, stmt });
      return;
    }
    if (src.kind === 'core') {
      const t = src.table ?? '?';
      const body: OpBody =
        src.verb === 'select' ? { kind: 'raw', statement: 'Select' } : src.verb === 'insert' ? { kind: 'insert', table: t, rows: null } : { kind: src.verb, table: t, hasWhere: src.hasWhere };
      out.ops.push({ ...body, start: stmt.start, end: stmt.end, stmt } as Operation);
      return;
    }
    const s = src.s;
    if (s.value.trim() === '') return;
    const sql = textSemantics ? maskBindParams(s.value) : s.value;
    const last = s.map[s.value.length]!;
    // SQL comments in the string can carry ignores (`-- migsafe-ignore …`): read from the text as
    // written (bind parameters unmasked), placed where they are written (a constant's in its definition).
    const directives = s.value.includes('migsafe');
    const written = directives ? s.written : undefined;
    const lastWritten = written?.[s.value.length] ?? last;
    const analysis = analyzeSql(sql, (i) => this.source.byteAt(s.map[i] ?? last), {
      directives, commentText: s.value, ...(written ? { commentToFile: (i: number) => this.source.byteAt(written[i] ?? lastWritten) } : {}),
    });
    // The operations are analyzeSql's own fresh objects: point them at the op call in place.
    for (const op of analysis.operations) out.ops.push(Object.assign(op, { stmt }));
    out.problems.push(...analysis.problems);
    out.directives.push(...analysis.directives);
    out.invalidDirectives.push(...analysis.invalidDirectives);
  }
}

function indexOp(table: string, c: SaColumn): OpBody {
  const bare = table.split('.').pop()!;
  return { kind: 'create_index', table, name: `ix_${bare}_${c.name}`, concurrent: false, unique: c.unique, ifNotExists: false, columns: [c.name], method: 'btree' };
}

function unknownColumn(): ColumnSpec {
  return { name: '?', type: null, notNull: false, primaryKey: false, unique: false, default: null, generated: null, references: null, check: false };
}

/**
 * The columns a CHECK condition given as SQL text (a string or sa.text) proves NOT NULL:
 * `notNullColumns` of the operation, or nothing when the condition is not static SQL (a
 * SQLAlchemy expression) or proves nothing.
 */
function notNullColumns(v: PyValue | undefined): { notNullColumns?: string[] } {
  const text = v?.t === 'str' ? v.s.value : v?.t === 'call' && lastSegment(v.callee) === 'text' && v.args[0]?.t === 'str' ? v.args[0].s.value : null;
  const cols = text === null ? [] : checkNotNullColumns(text);
  return cols.length ? { notNullColumns: cols } : {};
}
