/**
 * `sa.Column(name, type, *constraints, nullable=, server_default=, primary_key=, …)` → ColumnSpec,
 * following what SQLAlchemy's PostgreSQL dialect emits: a lone integer primary key becomes
 * SERIAL/BIGSERIAL (autoincrement), `index=True` and `unique=True` become separate statements.
 */
import type { ColumnSpec, DefaultSpec, TypeSpec } from '../../model/operation.js';
import { serverDefault, sqlType, typeFromSql } from './sqltypes.js';
import { arg, isFalse, isTrue, lastSegment, type CallValue, type PyValue } from './values.js';

export interface SaColumn {
  name: string;
  type: TypeSpec | null;
  /** nullable=True/False, or undefined when not given (SQLAlchemy: nullable unless primary key). */
  nullable: boolean | undefined;
  primaryKey: boolean;
  unique: boolean;
  index: boolean;
  default: DefaultSpec | null;
  /** Referenced table of a positional sa.ForeignKey("table.col"). */
  references: string | null;
  identity: boolean;
  computed: boolean;
  check: boolean;
  autoincrement: boolean | 'auto';
}

const isCall = (v: PyValue | undefined, ...names: string[]): v is CallValue => v?.t === 'call' && names.includes(lastSegment(v.callee));

/**
 * Name of a schema object from a value: "users", op.f("ix_…"). A name that is not a constant is
 * shown as its expression text with a note, `col (not known statically)`, never as a bare
 * placeholder; without `src` (the file's text) only a ref's name can be shown, else "?".
 */
export function nameOf(v: PyValue | undefined, src?: string): string | null {
  if (!v) return null;
  switch (v.t) {
    case 'str':
      return v.s.value;
    case 'none':
      return null;
    case 'ref':
      return notStatic(v.path);
    case 'call':
      if (['f', 'conv', 'quoted_name'].includes(lastSegment(v.callee)) && v.args[0]) return nameOf(v.args[0], src);
      return src !== undefined ? notStatic(exprText(src, v.node)) : '?';
    case 'dynamic':
      return src !== undefined ? notStatic(exprText(src, v.node)) : '(a name computed at run time)';
    default:
      return src !== undefined && v.node.end > v.node.start ? notStatic(exprText(src, v.node)) : '?';
  }
}

const notStatic = (text: string) => `${text} (not known statically)`;

/**
 * Source text of an expression for a message: one line, at most 60 characters, and f-string
 * fields spaced (`{ col }`) so the text can never be mistaken for a message placeholder.
 */
export function exprText(src: string, node: { start: number; end: number }): string {
  let t = src.slice(node.start, node.end).replace(/\s+/g, ' ').trim();
  if (t.length > 60) t = `${t.slice(0, 59)}…`;
  return t.replace(/\{(\w+)\}/g, '{ $1 }');
}

/** Column names in an index/constraint column list (strings, sa.text(…), sa.Column refs). */
export function columnNames(v: PyValue | undefined, src: string): string[] {
  if (!v) return [];
  const items = v.t === 'seq' ? v.items : [v];
  return items.map((i) => {
    if (i.t === 'str') return i.s.value;
    if (i.t === 'call' && lastSegment(i.callee) === 'text' && i.args[0]?.t === 'str') return i.args[0].s.value;
    // The expression as written (an f-string field spaced so it cannot read as a message placeholder).
    return src.slice(i.node.start, i.node.end).replace(/\{(\w+)\}/g, '{ $1 }');
  });
}

export function readColumn(v: PyValue | undefined, src: string): SaColumn | null {
  if (!isCall(v, 'Column')) return null;
  const c: SaColumn = {
    name: '?', type: null, nullable: undefined, primaryKey: false, unique: false, index: false, default: null,
    references: null, identity: false, computed: false, check: false, autoincrement: 'auto',
  };
  let rest = v.args;
  const first = v.args[0];
  if (first && (first.t === 'str' || (first.t === 'ref' && /^[a-z_][a-z0-9_]*$/.test(first.path)) || first.t === 'dynamic')) {
    c.name = nameOf(first, src) ?? '?';
    rest = v.args.slice(1);
  }
  const kwName = v.kwargs.get('name');
  if (kwName) c.name = nameOf(kwName, src) ?? c.name;
  let typeVal: PyValue | undefined = v.kwargs.get('type_');
  for (const a of rest) {
    if (isCall(a, 'ForeignKey')) {
      const target = a.args[0] ?? a.kwargs.get('column');
      if (target?.t === 'str') c.references = target.s.value.split('.').slice(0, -1).join('.') || target.s.value;
      else c.references = '?';
    } else if (isCall(a, 'Identity')) c.identity = true;
    else if (isCall(a, 'Computed')) c.computed = true;
    else if (isCall(a, 'CheckConstraint')) c.check = true;
    else if (isCall(a, 'Sequence')) continue;
    else if (!typeVal) typeVal = a;
  }
  c.type = sqlType(typeVal);
  const nullable = v.kwargs.get('nullable');
  c.nullable = isTrue(nullable) ? true : isFalse(nullable) ? false : undefined;
  c.primaryKey = isTrue(v.kwargs.get('primary_key'));
  c.unique = isTrue(v.kwargs.get('unique'));
  c.index = isTrue(v.kwargs.get('index'));
  const sd = v.kwargs.get('server_default');
  if (sd && sd.t !== 'none') {
    if (isCall(sd, 'Identity')) c.identity = true;
    else if (isCall(sd, 'Computed')) c.computed = true;
    else c.default = serverDefault(sd, src);
  }
  const ai = v.kwargs.get('autoincrement');
  c.autoincrement = isTrue(ai) ? true : isFalse(ai) ? false : 'auto';
  return c;
}

const SERIAL: Record<string, string> = { int4: 'SERIAL', int8: 'BIGSERIAL', int2: 'SMALLSERIAL' };

/**
 * SQLAlchemy renders the table's single integer primary key column as SERIAL (or BIGSERIAL,
 * SMALLSERIAL) unless autoincrement=False, a server default, Identity() or a foreign key (for
 * autoincrement="auto") says otherwise.
 */
export function isAutoincrement(c: SaColumn, pkCount: number): boolean {
  if (pkCount !== 1 || !c.primaryKey || !c.type || !SERIAL[c.type.name] || c.type.array) return false;
  if (c.autoincrement === false || c.default || c.identity || c.computed) return false;
  return c.autoincrement === true || !c.references;
}

export function toColumnSpec(c: SaColumn, autoincrement: boolean): ColumnSpec {
  const type = autoincrement && c.type ? typeFromSql(SERIAL[c.type.name]!) : c.type;
  const notNull = c.nullable === false || (c.nullable === undefined && c.primaryKey) || c.identity || autoincrement;
  return {
    name: c.name,
    type,
    notNull,
    primaryKey: c.primaryKey,
    unique: c.unique,
    default: c.default,
    generated: c.identity ? 'identity' : c.computed ? 'stored' : null,
    references: c.references,
    check: c.check,
  };
}

/** Columns named by table-level sa.PrimaryKeyConstraint("id", …) arguments of create_table. */
export function primaryKeyColumns(items: PyValue[]): string[] {
  const out: string[] = [];
  for (const i of items) {
    if (isCall(i, 'PrimaryKeyConstraint')) for (const a of i.args) if (a.t === 'str') out.push(a.s.value);
  }
  return out;
}

export { arg };
