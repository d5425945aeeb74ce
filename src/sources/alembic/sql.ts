/**
 * The SQL passed to `op.execute(…)`, `connection.execute(…)` and friends: a literal, `sa.text(…)`,
 * `text(…)`, `DDL(…)`, triple-quoted, implicitly concatenated, `textwrap.dedent(…)`, `.strip()`,
 * or a constant bound once in the module. Anything computed at run time is dynamic: it is
 * reported as `dynamic-sql`, never guessed.
 */
import { dedent, strip, type StaticString } from './pystring.js';
import { lastSegment, type CallValue, type PyValue } from './values.js';

export type SqlSource =
  | { kind: 'static'; s: StaticString }
  /** A SQLAlchemy Core statement built in Python: `my_table.update().where(…)`. */
  | { kind: 'core'; verb: 'update' | 'delete' | 'insert' | 'select'; table: string | null; hasWhere: boolean }
  | { kind: 'dynamic'; reason: string };

const TEXT_FNS = new Set(['text', 'DDL']);
const PASS_THROUGH = new Set(['bindparams', 'execution_options', 'columns', 'compile']);

export function sqlSource(v: PyValue | undefined, depth = 0): SqlSource {
  if (!v) return { kind: 'dynamic', reason: 'no SQL argument' };
  if (depth > 12) return { kind: 'dynamic', reason: 'a deeply nested expression' };
  switch (v.t) {
    case 'str':
      return { kind: 'static', s: v.s };
    case 'dynamic':
      return { kind: 'dynamic', reason: v.reason };
    case 'ref':
      return { kind: 'dynamic', reason: `the variable "${v.path}", whose value is not a constant in this file` };
    case 'call':
      return callSource(v, depth);
    default:
      return { kind: 'dynamic', reason: 'an expression that is not a string' };
  }
}

function callSource(c: CallValue, depth: number): SqlSource {
  const name = c.name ?? lastSegment(c.callee);
  if (c.receiver && PASS_THROUGH.has(name)) {
    const inner = sqlSource(c.receiver, depth + 1);
    if (inner.kind !== 'dynamic' || c.receiver.t === 'call') return inner;
  }
  if (c.receiver && (name === 'strip' || name === 'lstrip' || name === 'rstrip') && c.args.length === 0) {
    const inner = sqlSource(c.receiver, depth + 1);
    return inner.kind === 'static' ? { kind: 'static', s: strip(inner.s, name) } : inner;
  }
  if (name === 'dedent' && c.args.length === 1) {
    const inner = sqlSource(c.args[0], depth + 1);
    return inner.kind === 'static' ? { kind: 'static', s: dedent(inner.s) } : inner;
  }
  if (TEXT_FNS.has(name) && (!c.receiver || c.receiver.t === 'ref')) {
    const inner = sqlSource(c.args[0] ?? c.kwargs.get('text') ?? c.kwargs.get('statement'), depth + 1);
    return inner;
  }
  const core = coreStatement(c);
  if (core) return core;
  return { kind: 'dynamic', reason: `the result of ${c.callee ? `${c.callee}(…)` : 'a call'}` };
}

/** `t.update().where(…).values(…)`, `sa.table("x").delete()`, `t.insert().values(…)`, `sa.select(…)`. */
function coreStatement(c: CallValue): SqlSource | null {
  let hasWhere = false;
  let cur: PyValue | null = c;
  for (let i = 0; cur && cur.t === 'call' && i < 20; i++) {
    const name = cur.name ?? lastSegment(cur.callee);
    if (name === 'where' || name === 'filter' || name === 'filter_by') hasWhere = true;
    if (name === 'update' || name === 'delete' || name === 'insert') {
      // t.update() on a table, or sa.update(t) / sa.delete(t) / sa.insert(t). A table object this
      // file does not define (a helper's parameter, `tables.x` from the app) is named as written.
      const table = tableName(cur.receiver ?? undefined) ?? tableName(cur.args[0]) ?? (cur.receiver?.t === 'ref' ? cur.receiver.path : null);
      if (table || cur.receiver?.t === 'call' || cur.args[0]) return { kind: 'core', verb: name, table, hasWhere };
    }
    // sa.select(…), t.select() on a table object: reads rows, whatever the table
    if (name === 'select' && (!cur.receiver || cur.receiver.t === 'ref' || tableName(cur.receiver))) return { kind: 'core', verb: 'select', table: null, hasWhere };
    cur = cur.receiver;
  }
  return null;
}

/** The table name of a `sa.table("name", …)` / `sa.Table("name", meta, …)` value. */
export function tableName(v: PyValue | undefined): string | null {
  if (v?.t === 'call' && (lastSegment(v.callee) === 'table' || lastSegment(v.callee) === 'Table') && v.args[0]?.t === 'str') {
    const schema = v.kwargs.get('schema');
    return schema?.t === 'str' ? `${schema.s.value}.${v.args[0].s.value}` : v.args[0].s.value;
  }
  return null;
}

/**
 * SQLAlchemy's text() reads `:name` as a bind parameter; PostgreSQL would not parse it. Replace
 * each one with `$1` padded to the same length, so offsets stay exact. `::` casts and `\:` escapes are kept.
 */
export function maskBindParams(sql: string): string {
  if (!sql.includes(':')) return sql;
  return sql.replace(/(?<![:\w\\]):(\w+)(?!:)/g, (m) => '$1'.padEnd(m.length, ' ')).replace(/\\:/g, ' :');
}
