/**
 * Finds what upgrade() and downgrade() do, in source order: `op.<fn>(…)` calls, calls on
 * `batch_alter_table` aliases (including the parenthesized `with (… as batch_op):` form and a
 * `batch = op.batch_alter_table(…)` assigned before the with), `autocommit_block()` regions (also
 * through `ctx = op.get_context()`), and `execute` on a connection from `op.get_bind()`.
 * Calls into helper functions defined in the module are followed, with the arguments that are
 * constants known inside; a `for` over a literal sequence runs its body once per element.
 */
import { field, namedChildren, type PyNode } from './parser.js';
import { Evaluator, Scope, dotted, type CallValue, type PyValue } from './values.js';
import { onPostgres } from './dialect.js';

export interface BatchContext {
  table: PyValue | undefined;
  schema: PyValue | undefined;
  call: CallValue;
}

export type BodyEvent =
  | {
      kind: 'call';
      /** `op` for op.<fn>, `batch` for a batch_alter_table alias, `bind` for connection.execute. */
      via: 'op' | 'batch' | 'bind';
      fn: string;
      call: CallValue;
      batch: BatchContext | null;
      /** For `with op.batch_alter_table(…)`: the whole with statement, so an ignore above it covers the block. */
      region?: { start: number; end: number };
      /**
       * Set inside a loop over a literal sequence: true in a later iteration (the same call site
       * again, not counted as another call), false in the first.
       */
      repeat?: boolean;
    }
  | { kind: 'autocommit'; action: 'start' | 'end'; node: PyNode };

export interface FunctionInfo {
  node: PyNode;
  /** `def name(…):` up to and including the colon. */
  header: { start: number; end: number };
  body: PyNode | null;
}

/** op.* attributes that are helpers, not operations. */
const NOT_OPS = new Set([
  'f', 'get_bind', 'get_context', 'inline_literal', 'implementation_for', 'register_operation', 'invoke', 'run_async',
  'batch_alter_table', 'migration_context', 'impl', 'schema_obj', 'context',
]);
const BIND_EXPR = /^(?:[\w.]+\.)?(?:get_bind\(\)(?:\.connect\(\))?|get_context\(\)\.(?:bind|connection))$/;
const MAX_INLINE = 8;
/** A `for` over a literal sequence longer than this is not unrolled. */
const MAX_UNROLL = 32;

export interface ModuleNames {
  /** Dotted prefixes that mean alembic.op: "op", "alembic.op", aliases. */
  op: Set<string>;
  /** Dotted prefixes that mean alembic.context. */
  context: Set<string>;
}

export function moduleNames(src: string, root: PyNode): ModuleNames {
  const names: ModuleNames = { op: new Set(['op', 'alembic.op']), context: new Set(['context', 'alembic.context']) };
  for (const st of root.children) {
    if (st.type !== 'import_from_statement') continue;
    const mod = field(st, 'module_name');
    if (!mod || src.slice(mod.start, mod.end) !== 'alembic') continue;
    for (const c of st.children) {
      if (c.type === 'aliased_import') {
        const n = field(c, 'name');
        const a = field(c, 'alias');
        if (!n || !a) continue;
        const orig = src.slice(n.start, n.end);
        if (orig === 'op') names.op.add(src.slice(a.start, a.end));
        if (orig === 'context') names.context.add(src.slice(a.start, a.end));
      }
    }
  }
  return names;
}

/** The last module-level `def <name>` (Python semantics: a later def replaces an earlier one). */
export function findFunction(src: string, root: PyNode, name: string): FunctionInfo | null {
  let found: PyNode | null = null;
  for (const st of root.children) {
    const def = st.type === 'decorated_definition' ? field(st, 'definition') : st;
    if (def?.type !== 'function_definition') continue;
    const n = field(def, 'name');
    if (n && src.slice(n.start, n.end) === name) found = def;
  }
  if (!found) return null;
  const body = field(found, 'body');
  // The header ends at the colon before the body (anonymous tokens are not in the tree).
  const colon = body ? src.lastIndexOf(':', body.start - 1) : -1;
  return { node: found, header: { start: found.start, end: colon > found.start ? colon + 1 : body ? body.start : found.end }, body };
}

export interface EngineFunction {
  engine: string;
  fn: FunctionInfo;
}

/**
 * Alembic's multi-database template: `def upgrade(engine_name): globals()["upgrade_%s" %
 * engine_name]()`. When upgrade() (or downgrade()) takes a parameter and calls through
 * `globals()[…]`, the module-level `upgrade_<engine>()` / `downgrade_<engine>()` functions are
 * its bodies, in source order. Null for an ordinary revision.
 */
export function engineFunctions(src: string, root: PyNode, up: FunctionInfo | null, down: FunctionInfo | null): { upgrade: EngineFunction[]; downgrade: EngineFunction[] } | null {
  const dispatches = (fn: FunctionInfo | null) => !!fn && params(src, fn.node).length > 0 && !!fn.body && callsThroughGlobals(src, fn.body);
  if (!dispatches(up) && !dispatches(down)) return null;
  const collect = (prefix: string): EngineFunction[] => {
    const byName = new Map<string, EngineFunction>();
    for (const st of root.children) {
      const def = st.type === 'decorated_definition' ? field(st, 'definition') : st;
      if (def?.type !== 'function_definition') continue;
      const n = field(def, 'name');
      const name = n ? src.slice(n.start, n.end) : '';
      if (!name.startsWith(prefix) || name.length === prefix.length) continue;
      const fn = findFunction(src, root, name);
      if (fn) byName.set(name, { engine: name.slice(prefix.length), fn });
    }
    return [...byName.values()].sort((a, b) => a.fn.node.start - b.fn.node.start);
  };
  return { upgrade: collect('upgrade_'), downgrade: collect('downgrade_') };
}

/** `globals()` somewhere in the body (`globals()[name]()`, `globals().get(name)()`). */
function callsThroughGlobals(src: string, body: PyNode): boolean {
  const stack = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'call' && dotted(src, n) === 'globals()') return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
}

interface Env {
  scope: Scope;
  batch: Map<string, BatchContext>;
  /** Names bound to a connection by a call site (helper parameters). */
  binds: Set<string>;
  inlining: PyNode[];
}

export class BodyExtractor {
  readonly ev: Evaluator;
  /** Operation calls in branches that cannot run on PostgreSQL (skipped, see ifStatement). */
  otherDialectCalls = 0;
  constructor(
    readonly src: string,
    readonly names: ModuleNames,
    readonly moduleScope: Scope,
  ) {
    this.ev = new Evaluator(src);
  }

  /** Events of one function, in source order. */
  extract(fn: FunctionInfo): BodyEvent[] {
    const out: BodyEvent[] = [];
    const scope = Scope.forBody(this.src, fn.body, this.moduleScope, params(this.src, fn.node));
    if (fn.body) this.block(fn.body, { scope, batch: new Map(), binds: new Set(), inlining: [fn.node] }, out);
    return out;
  }

  private isOp(path: string | null): string | null {
    if (!path) return null;
    const dot = path.lastIndexOf('.');
    if (dot < 0) return null;
    return this.names.op.has(path.slice(0, dot)) ? path.slice(dot + 1) : null;
  }

  private block(block: PyNode, env: Env, out: BodyEvent[]): void {
    for (const st of block.children) this.statement(st, env, out);
  }

  private statement(st: PyNode, env: Env, out: BodyEvent[]): void {
    switch (st.type) {
      case 'function_definition':
      case 'class_definition':
      case 'decorated_definition':
      case 'comment':
        return;
      case 'with_statement':
        this.withStatement(st, env, out);
        return;
      case 'block':
        this.block(st, env, out);
        return;
      case 'for_statement':
        if (this.unroll(st, env, out)) return;
        break;
      case 'if_statement':
        this.ifStatement(st, env, out);
        return;
    }
    if (st.named && /statement|clause|block/.test(st.type) && st.type !== 'expression_statement') {
      for (const c of st.children) {
        if (c.type === 'block' || /clause$/.test(c.type) || /_statement$/.test(c.type)) this.statement(c, env, out);
        else this.calls(c, env, out);
      }
      return;
    }
    this.calls(st, env, out);
  }

  /**
   * if / elif / else. A branch that a dialect guard keeps from running on PostgreSQL
   * (`if bind.dialect.name == "mysql":`) is skipped, and so are the branches after one that always
   * runs there; any other condition keeps every branch (dialect.ts).
   */
  private ifStatement(st: PyNode, env: Env, out: BodyEvent[]): void {
    const clauses = [st, ...st.children.filter((c) => c.type === 'elif_clause' || c.type === 'else_clause')];
    for (const clause of clauses) {
      const cond = clause.type === 'else_clause' ? null : field(clause, 'condition');
      if (cond) this.calls(cond, env, out);
      const pg = cond ? onPostgres(this.src, cond, env.scope) : true;
      if (pg === false) {
        // not linted, but its calls are still calls of the file (opCalls counts what is written)
        const body = field(clause, clause.type === 'else_clause' ? 'body' : 'consequence');
        const dead: BodyEvent[] = [];
        if (body) this.statement(body, env, dead);
        this.otherDialectCalls += dead.filter((e) => e.kind === 'call' && !e.repeat).length;
        continue;
      }
      const body = field(clause, clause.type === 'else_clause' ? 'body' : 'consequence');
      if (body) this.statement(body, env, out);
      if (pg === true) return;
    }
  }

  /**
   * `for name in ("a", "b"):` (or a name bound once to such a sequence): the body once per
   * element, with `name` known. False (not handled) for anything else.
   */
  private unroll(st: PyNode, env: Env, out: BodyEvent[]): boolean {
    const left = field(st, 'left');
    const right = field(st, 'right');
    const body = field(st, 'body');
    if (left?.type !== 'identifier' || !right || !body) return false;
    const seq = this.ev.eval(right, env.scope);
    if (seq.t !== 'seq' || seq.items.length === 0 || seq.items.length > MAX_UNROLL) return false;
    if (!seq.items.every((v) => v.t === 'str' || v.t === 'num' || v.t === 'bool' || v.t === 'none')) return false;
    const name = this.src.slice(left.start, left.end);
    seq.items.forEach((item, i) => {
      const events: BodyEvent[] = [];
      this.block(body, { ...env, scope: Scope.withConst(env.scope, name, item) }, events);
      for (const e of events) out.push(e.kind === 'call' ? { ...e, repeat: e.repeat || i > 0 } : e);
    });
    const alternative = field(st, 'alternative');
    if (alternative) this.statement(alternative, env, out);
    return true;
  }

  /**
   * The dotted path of a with-item's callee, with a leading name bound once in the function to a
   * call or name replaced by it: `ctx.autocommit_block` with `ctx = op.get_context()` is
   * `op.get_context().autocommit_block`.
   */
  private resolvedPath(fnNode: PyNode | null, env: Env): string | null {
    const path = dotted(this.src, fnNode);
    if (!path) return null;
    const m = /^(\w+)(.*)$/.exec(path);
    if (!m || !m[2]) return path;
    const b = env.scope.lookup(m[1]!);
    if (b?.kind !== 'value') return path;
    const bound = dotted(this.src, b.node);
    return bound ? bound + m[2] : path;
  }

  private withStatement(st: PyNode, env: Env, out: BodyEvent[]): void {
    const clause = st.children.find((c) => c.type === 'with_clause');
    const body = field(st, 'body');
    const items: { expr: PyNode; alias: PyNode | null }[] = [];
    const collect = (n: PyNode): void => {
      if (n.type === 'with_item') {
        const v = field(n, 'value') ?? namedChildren(n)[0];
        if (v) collect(v);
      } else if (n.type === 'parenthesized_expression' || n.type === 'tuple') {
        for (const c of namedChildren(n)) collect(c);
      } else if (n.type === 'as_pattern') {
        const [expr] = namedChildren(n);
        const target = n.children.find((c) => c.type === 'as_pattern_target' || c.field === 'alias');
        const id = target ? (target.type === 'identifier' ? target : target.children.find((c) => c.type === 'identifier') ?? null) : null;
        if (expr) items.push({ expr, alias: id });
      } else items.push({ expr: n, alias: null });
    };
    if (clause) for (const c of namedChildren(clause)) collect(c);

    const inner: Env = { ...env, batch: new Map(env.batch) };
    let autocommit = 0;
    for (const { expr: item, alias } of items) {
      // `batch = op.batch_alter_table(…)` before `with batch as batch_op:`
      let expr = item;
      let exprScope = env.scope;
      if (item.type === 'identifier') {
        const b = env.scope.lookup(this.src.slice(item.start, item.end));
        if (b?.kind === 'value' && b.node.type === 'call' && this.isOp(dotted(this.src, field(b.node, 'function'))) === 'batch_alter_table') {
          expr = b.node;
          exprScope = b.scope;
        }
      }
      const path = expr.type === 'call' ? this.resolvedPath(field(expr, 'function'), env) : null;
      const opFn = this.isOp(path);
      if (opFn === 'batch_alter_table') {
        const call = this.ev.eval(expr, exprScope) as CallValue;
        out.push({ kind: 'call', via: 'op', fn: opFn, call, batch: null, region: { start: st.start, end: st.end } });
        const ctx: BatchContext = { table: call.args[0] ?? call.kwargs.get('table_name'), schema: call.kwargs.get('schema'), call };
        if (alias) inner.batch.set(this.src.slice(alias.start, alias.end), ctx);
        continue;
      }
      if (path && /(?:^|\.)get_context\(\)\.autocommit_block$/.test(path)) {
        out.push({ kind: 'autocommit', action: 'start', node: expr });
        autocommit++;
        continue;
      }
      this.calls(expr, env, out);
    }
    if (body) this.block(body, inner, out);
    for (let i = 0; i < autocommit; i++) out.push({ kind: 'autocommit', action: 'end', node: { ...st, start: st.end, end: st.end } });
  }

  private isBind(receiver: PyNode | null, env: Env): boolean {
    if (!receiver) return false;
    const path = dotted(this.src, receiver);
    if (!path) return false;
    if (BIND_EXPR.test(path)) return true;
    if (receiver.type !== 'identifier') return false;
    if (env.binds.has(path)) return true;
    const b = env.scope.lookup(path);
    if (b?.kind !== 'value') return false;
    const v = dotted(this.src, b.node);
    return !!v && BIND_EXPR.test(v);
  }

  /** Calls inside an expression (or simple statement), in source order. */
  private calls(node: PyNode, env: Env, out: BodyEvent[]): void {
    const stack: PyNode[] = [node];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'lambda' || n.type === 'function_definition' || n.type === 'class_definition') continue;
      if (n.type === 'call' && this.call(n, env, out)) continue;
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }

  /** Handle one call. True when it was consumed (its arguments hold no further operations). */
  private call(n: PyNode, env: Env, out: BodyEvent[]): boolean {
    const fnNode = field(n, 'function');
    const path = dotted(this.src, fnNode);
    const opFn = this.isOp(path);
    if (opFn) {
      if (NOT_OPS.has(opFn)) return false;
      out.push({ kind: 'call', via: 'op', fn: opFn, call: this.ev.eval(n, env.scope) as CallValue, batch: null });
      return true;
    }
    if (fnNode?.type === 'attribute') {
      const attr = field(fnNode, 'attribute');
      const obj = field(fnNode, 'object');
      const method = attr ? this.src.slice(attr.start, attr.end) : '';
      if (obj?.type === 'identifier') {
        const batch = env.batch.get(this.src.slice(obj.start, obj.end));
        if (batch) {
          out.push({ kind: 'call', via: 'batch', fn: method, call: this.ev.eval(n, env.scope) as CallValue, batch });
          return true;
        }
      }
      if ((method === 'execute' || method === 'exec_driver_sql') && this.isBind(obj, env)) {
        out.push({ kind: 'call', via: 'bind', fn: method, call: this.ev.eval(n, env.scope) as CallValue, batch: null });
        return true;
      }
      return false;
    }
    if (fnNode?.type === 'identifier') {
      const name = this.src.slice(fnNode.start, fnNode.end);
      const b = env.scope.lookup(name);
      if (b?.kind === 'def' && !env.inlining.includes(b.node) && env.inlining.length < MAX_INLINE) {
        // Arguments first (they are evaluated before the call), then the helper's body.
        const argList = field(n, 'arguments');
        if (argList) this.calls(argList, env, out);
        const ps = params(this.src, b.node);
        const binds = new Set<string>();
        const args = argList ? namedChildren(argList) : [];
        args.forEach((a, i) => {
          const target = a.type === 'keyword_argument' ? field(a, 'name') : null;
          const value = a.type === 'keyword_argument' ? field(a, 'value') : a;
          const pname = target ? this.src.slice(target.start, target.end) : ps[i];
          if (pname && value && this.isBind(value, env)) binds.add(pname);
        });
        const body = field(b.node, 'body');
        if (body) {
          const scope = Scope.forBody(this.src, body, b.scope, ps, this.knownArguments(b.node, b.scope, args, env));
          this.block(body, { scope, batch: new Map(), binds, inlining: [...env.inlining, b.node] }, out);
        }
        return true;
      }
    }
    return false;
  }

  /**
   * Parameters of a helper whose value is a constant at this call site: a literal (or a name
   * bound to one) passed positionally or by keyword, or a literal default that is not overridden.
   */
  private knownArguments(def: PyNode, defScope: Scope, args: PyNode[], env: Env): Map<string, PyValue> {
    const known = new Map<string, PyValue>();
    const constant = (v: PyValue) => v.t === 'str' || v.t === 'num' || v.t === 'bool' || v.t === 'none';
    const ps = field(def, 'parameters');
    const positional: { name: string; dflt: PyNode | null }[] = [];
    for (const p of ps ? namedChildren(ps) : []) {
      if (p.type === 'identifier') positional.push({ name: this.src.slice(p.start, p.end), dflt: null });
      else if (p.type === 'typed_parameter') {
        const id = p.children.find((c) => c.type === 'identifier');
        if (id) positional.push({ name: this.src.slice(id.start, id.end), dflt: null });
      } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
        const n = field(p, 'name');
        if (n) positional.push({ name: this.src.slice(n.start, n.end), dflt: field(p, 'value') });
      } else break; // *args, **kwargs, `*`, `/`: the positions after it are not plain
    }
    const given = new Set<string>();
    let i = 0;
    for (const a of args) {
      if (a.type === 'list_splat' || a.type === 'dictionary_splat') return known; // arguments not known
      let name: string | undefined;
      let value: PyNode | null;
      if (a.type === 'keyword_argument') {
        const k = field(a, 'name');
        name = k ? this.src.slice(k.start, k.end) : undefined;
        value = field(a, 'value');
      } else {
        name = positional[i++]?.name;
        value = a;
      }
      if (!name || !value) continue;
      given.add(name);
      const v = this.ev.eval(value, env.scope);
      if (constant(v)) known.set(name, v);
    }
    for (const p of positional) {
      if (given.has(p.name) || !p.dflt) continue;
      const v = this.ev.eval(p.dflt, defScope);
      if (constant(v)) known.set(p.name, v);
    }
    return known;
  }
}

export function params(src: string, def: PyNode): string[] {
  const ps = field(def, 'parameters');
  if (!ps) return [];
  const out: string[] = [];
  for (const p of namedChildren(ps)) {
    const id = p.type === 'identifier' ? p : p.children.find((c) => c.type === 'identifier');
    if (id) out.push(src.slice(id.start, id.end));
  }
  return out;
}

export type BodyShape =
  | { kind: 'ops' }
  | { kind: 'empty' }
  /** An unconditional top-level `raise`. */
  | { kind: 'raises'; node: PyNode; what: string };

/**
 * Is a function body only `pass`, `...`, a docstring and a bare `return` (or `return None`), or
 * does it raise unconditionally? Statements after a top-level `return` never run.
 */
export function bodyShape(src: string, body: PyNode | null): BodyShape {
  let stmts = body ? namedChildren(body) : [];
  let returnsValue = false;
  const ret = stmts.findIndex((s) => s.type === 'return_statement');
  if (ret >= 0) {
    const value = namedChildren(stmts[ret]!)[0];
    returnsValue = !!value && value.type !== 'none';
    stmts = stmts.slice(0, ret);
  }
  for (const s of stmts) {
    if (s.type === 'raise_statement') {
      const exc = namedChildren(s)[0];
      const what = exc ? (dotted(src, exc.type === 'call' ? field(exc, 'function') : exc) ?? 'an exception') : 'an exception';
      return { kind: 'raises', node: s, what };
    }
  }
  const trivial = !returnsValue && stmts.every((s) => {
    if (s.type === 'pass_statement') return true;
    if (s.type !== 'expression_statement') return false;
    const e = namedChildren(s);
    return e.length === 1 && (e[0]!.type === 'string' || e[0]!.type === 'concatenated_string' || e[0]!.type === 'ellipsis');
  });
  return trivial ? { kind: 'empty' } : { kind: 'ops' };
}
