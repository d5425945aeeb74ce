/**
 * Dialect guards. Projects that support several databases write
 * `if op.get_bind().dialect.name == "mysql":` (or `!= "postgresql"`, `in ("mysql", "sqlite")`,
 * `str(bind.engine.url).startswith("mysql")`) around code for the other databases. migsafe lints
 * for PostgreSQL, so a branch that cannot run there is not linted: its MySQL SQL is not a syntax
 * error and its operations are not findings. Anything that is not recognisably a test of the
 * dialect leaves every branch linted, as before.
 */
import { field, type PyNode } from './parser.js';
import { decodeString } from './pystring.js';
import type { Scope } from './values.js';

/** What a condition is on PostgreSQL: true, false, or null when it does not only depend on the dialect. */
export type OnPostgres = boolean | null;

/** Names PostgreSQL goes by in SQLAlchemy: the dialect name, and URL schemes (postgres:// is the old one). */
const POSTGRES_NAMES = ['postgresql', 'postgres'];
const MAX_DEPTH = 20;

export function onPostgres(src: string, cond: PyNode, scope: Scope, depth = 0): OnPostgres {
  if (depth > MAX_DEPTH) return null;
  const named = cond.children.filter((c) => c.named && c.type !== 'comment');
  switch (cond.type) {
    case 'parenthesized_expression':
      return named.length === 1 ? onPostgres(src, named[0]!, scope, depth + 1) : null;
    case 'not_operator': {
      const v = named.length === 1 ? onPostgres(src, named[0]!, scope, depth + 1) : null;
      return v === null ? null : !v;
    }
    case 'boolean_operator': {
      const [a, b] = named;
      if (!a || !b) return null;
      const op = src.slice(a.end, b.start).replace(/#[^\n]*/g, '').trim();
      const x = onPostgres(src, a, scope, depth + 1);
      const y = onPostgres(src, b, scope, depth + 1);
      if (op === 'and') return x === false || y === false ? false : x === true && y === true ? true : null;
      if (op === 'or') return x === true || y === true ? true : x === false && y === false ? false : null;
      return null;
    }
    case 'comparison_operator':
      return comparison(src, named, scope);
    case 'call':
      return startsWith(src, cond, scope);
    default:
      return null;
  }
}

/** `name == "mysql"`, `"postgresql" != name`, `name in ("mysql", "sqlite")`, `name not in (…)`. */
function comparison(src: string, operands: PyNode[], scope: Scope): OnPostgres {
  if (operands.length !== 2) return null;
  const [a, b] = operands as [PyNode, PyNode];
  const op = src.slice(a.end, b.start).replace(/\s+/g, ' ').trim();
  // `url.startswith("sqlite") is False`, `… == True`
  const bool = (n: PyNode) => (n.type === 'true' ? true : n.type === 'false' ? false : null);
  const flag = bool(b) ?? bool(a);
  if (flag !== null && (op === 'is' || op === '==' || op === 'is not' || op === '!=')) {
    const v = onPostgres(src, bool(b) !== null ? a : b, scope, 1);
    if (v === null) return null;
    const same = op === 'is' || op === '==';
    return same === flag ? v : !v;
  }
  const nameOnLeft = isDialectName(src, a, scope, 0);
  const name = nameOnLeft ? b : isDialectName(src, b, scope, 0) ? a : null;
  if (!name) return null;
  if (op === '==' || op === '!=') {
    const s = stringLiteral(src, name);
    if (s === null) return null;
    const pg = POSTGRES_NAMES.includes(s.toLowerCase());
    return op === '==' ? pg : !pg;
  }
  if ((op === 'in' || op === 'not in') && nameOnLeft) {
    if (!['tuple', 'list', 'set'].includes(name.type)) return null;
    const items = name.children.filter((c) => c.named && c.type !== 'comment').map((c) => stringLiteral(src, c));
    if (items.some((s) => s === null)) return null;
    const pg = items.some((s) => POSTGRES_NAMES.includes(s!.toLowerCase()));
    return op === 'in' ? pg : !pg;
  }
  return null;
}

/** `<url>.startswith("mysql")` with `<url>` the engine URL (`str(bind.engine.url)`, or a name bound to it). */
function startsWith(src: string, call: PyNode, scope: Scope): OnPostgres {
  const fn = field(call, 'function');
  const args = field(call, 'arguments');
  if (fn?.type !== 'attribute' || !args) return null;
  const attr = field(fn, 'attribute');
  const obj = field(fn, 'object');
  if (!attr || !obj || src.slice(attr.start, attr.end) !== 'startswith') return null;
  const list = args.children.filter((c) => c.named && c.type !== 'comment');
  if (list.length !== 1 || !isEngineUrl(src, obj, scope, 0)) return null;
  const prefixes = list[0]!.type === 'tuple' ? list[0]!.children.filter((c) => c.named).map((c) => stringLiteral(src, c)) : [stringLiteral(src, list[0]!)];
  if (prefixes.some((p) => p === null || p === '')) return null;
  return prefixes.some((p) => POSTGRES_NAMES.some((n) => n.startsWith(p!.toLowerCase())));
}

/** `….dialect.name`, `….engine.name`, or a name bound once to one. */
function isDialectName(src: string, n: PyNode, scope: Scope, depth: number): boolean {
  if (n.type === 'identifier') {
    const bound = resolve(src, n, scope, depth);
    return !!bound && isDialectName(src, bound.node, bound.scope, depth + 1);
  }
  return n.type === 'attribute' && /(?:^|\.)(?:dialect|engine)\.name$/.test(src.slice(n.start, n.end).replace(/\s+/g, ''));
}

/** `str(….url)`, `….url` (a URL object's str() is what startswith reads), or a name bound once to one. */
function isEngineUrl(src: string, n: PyNode, scope: Scope, depth: number): boolean {
  if (n.type === 'identifier') {
    const bound = resolve(src, n, scope, depth);
    return !!bound && isEngineUrl(src, bound.node, bound.scope, depth + 1);
  }
  if (n.type === 'call') {
    const fn = field(n, 'function');
    const args = field(n, 'arguments')?.children.filter((c) => c.named && c.type !== 'comment') ?? [];
    return fn?.type === 'identifier' && src.slice(fn.start, fn.end) === 'str' && args.length === 1 && isEngineUrl(src, args[0]!, scope, depth + 1);
  }
  return n.type === 'attribute' && /(?:^|\.)url$/.test(src.slice(n.start, n.end).replace(/\s+/g, ''));
}

/** What a name is bound to (once: a name assigned twice is not followed), and where. */
function resolve(src: string, id: PyNode, scope: Scope, depth: number): { node: PyNode; scope: Scope } | null {
  if (depth > MAX_DEPTH) return null;
  const b = scope.lookup(src.slice(id.start, id.end));
  return b?.kind === 'value' ? { node: b.node, scope: b.scope } : null;
}

/** The value of a string literal ("mysql", 'sqlite'), read by the front end's string decoder, or null. */
function stringLiteral(src: string, n: PyNode): string | null {
  if (n.type !== 'string') return null;
  const d = decodeString(src, n);
  return d.ok ? d.s.value : null;
}
