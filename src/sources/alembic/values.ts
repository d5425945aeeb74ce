/**
 * A small, safe evaluator for the Python expressions found in migrations: literals, calls,
 * dotted names, sequences, and names bound exactly once to such an expression. It never runs
 * anything, and it never guesses: a value it cannot know is `ref` (a name), `dynamic` (a string
 * built at run time, with the reason) or `other`.
 */
import { field, namedChildren, type PyNode } from './parser.js';
import { concat, decodeStringNode, pinned, type StaticString } from './pystring.js';

export type PyValue =
  | { t: 'str'; s: StaticString; node: PyNode }
  | { t: 'num'; value: number; node: PyNode }
  | { t: 'bool'; value: boolean; node: PyNode }
  | { t: 'none'; node: PyNode }
  | CallValue
  /** A name or dotted name that is not a known constant: `sa.Integer`, `users_table`, `table_name`. */
  | { t: 'ref'; path: string; node: PyNode }
  | { t: 'seq'; items: PyValue[]; node: PyNode }
  | { t: 'dict'; node: PyNode }
  /** A string computed at run time (f-string, %, .format, + with a variable). */
  | { t: 'dynamic'; reason: string; node: PyNode }
  | { t: 'other'; node: PyNode };

export interface CallValue {
  t: 'call';
  /** Dotted callee with calls as `()`: "sa.Column", "op.get_context().autocommit_block", or null. */
  callee: string | null;
  /** Last segment of the callee: "Column", "autocommit_block". */
  name: string | null;
  /** For `x.m(…)`: the value of `x`. */
  receiver: PyValue | null;
  args: PyValue[];
  kwargs: Map<string, PyValue>;
  /** The call has *args or **kwargs, so its arguments are not fully known. */
  star: boolean;
  node: PyNode;
}

type Binding =
  | { kind: 'value'; node: PyNode; scope: Scope }
  | { kind: 'def'; node: PyNode; scope: Scope }
  /** A value known from outside the body: a helper's argument at one call site, a loop variable in one iteration. */
  | { kind: 'const'; value: PyValue }
  | { kind: 'blocked' };

const MAX_DEPTH = 60;
/** Text that may hold a binding inside a call (anything can match inside strings too: then the call is walked). */
const BINDS_IN_CALL = /:=|\bfor\b|\bas\b/;

/**
 * Names bound in one function body (or the module). A name assigned exactly once, by a plain
 * `name = expr`, is a known value; anything else (loops, tuple unpacking, augmented assignment,
 * parameters, imports, several assignments) blocks it.
 */
export class Scope {
  private readonly names = new Map<string, Binding>();
  /** Every plain `name = value` in this scope, in order: a name assigned more than once is resolved by position (lookupAt). */
  private readonly assigns = new Map<string, { binding: Binding; start: number; end: number }[]>();
  /** Names bound some other way too (a loop target, `+=`, an import, a def): never resolved by position. */
  private readonly others = new Set<string>();
  /** The indented blocks (if/else, for, while, try, with bodies) and the loops in this scope. */
  private readonly blocks: [number, number][] = [];
  private readonly loops: [number, number][] = [];
  constructor(readonly src: string, readonly parent: Scope | null) {}

  /**
   * `consts`: parameters whose value is known at this call site. A parameter assigned in the
   * body is still blocked (collect() sees a second binding).
   */
  static forBody(src: string, body: PyNode | null, parent: Scope | null, params: string[] = [], consts?: Map<string, PyValue>): Scope {
    const s = new Scope(src, parent);
    for (const p of params) s.names.set(p, consts?.has(p) ? { kind: 'const', value: consts.get(p)! } : { kind: 'blocked' });
    if (body) s.collect(body);
    return s;
  }

  /** A scope that sees `name` as `value` (one iteration of a loop over a literal sequence), the rest as `parent` does. */
  static withConst(parent: Scope, name: string, value: PyValue): Scope {
    const s = new Scope(parent.src, parent);
    s.names.set(name, { kind: 'const', value });
    return s;
  }

  lookup(name: string): Binding | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }

  /**
   * The binding of `name` used at `pos`. A name assigned more than once in this scope
   * (`stmt = text("…")`, `op.execute(stmt)`, `stmt = text("…")` again) is the assignment last
   * before `pos`, when it surely runs before it: in the same block as `pos` or one around it, and,
   * when it is before a loop around `pos`, the loop does not assign the name. Otherwise it is unknown
   * (blocked), as before; names of an enclosing scope keep the one-binding rule.
   */
  lookupAt(name: string, pos: number): Binding | undefined {
    const local = this.names.get(name);
    if (local === undefined) return this.parent?.lookup(name);
    if (local.kind !== 'blocked' || this.others.has(name)) return local;
    const list = this.assigns.get(name);
    if (!list) return local;
    let last: { binding: Binding; start: number; end: number } | null = null;
    for (const a of list) if (a.end <= pos && (!last || a.start > last.start)) last = a;
    if (!last) return local;
    const around = (r: [number, number], at: number) => at >= r[0] && at < r[1];
    if (!this.blocks.every((b) => !around(b, last!.start) || around(b, pos))) return local;
    // from before a loop around `pos`, the value can also come round from an assignment in the loop
    if (this.loops.some((l) => around(l, pos) && !around(l, last!.start) && list.some((a) => around(l, a.start)))) return local;
    return last.binding;
  }

  private bind(name: string, b: Binding): void {
    const prev = this.names.get(name);
    this.names.set(name, prev ? { kind: 'blocked' } : b);
  }

  private block(target: PyNode): void {
    if (target.type === 'identifier') {
      const id = this.src.slice(target.start, target.end);
      this.names.set(id, { kind: 'blocked' });
      this.others.add(id);
    } else for (const c of target.children) this.block(c);
  }

  private collect(node: PyNode): void {
    const stack: PyNode[] = [...node.children].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      switch (n.type) {
        case 'function_definition':
        case 'class_definition': {
          const name = field(n, 'name');
          if (name) {
            const id = this.src.slice(name.start, name.end);
            if (n.type === 'function_definition') this.bind(id, { kind: 'def', node: n, scope: this });
            else this.names.set(id, { kind: 'blocked' });
            this.others.add(id);
          }
          continue; // their bodies are their own scopes
        }
        case 'lambda':
          continue;
        case 'call':
          // Inside a call only `:=`, a comprehension's `for` and an `as` pattern bind names; most calls have none.
          if (!BINDS_IN_CALL.test(this.src.slice(n.start, n.end))) continue;
          break;
        case 'assignment': {
          const left = field(n, 'left');
          const right = field(n, 'right');
          if (left?.type === 'identifier') {
            let value = right;
            while (value?.type === 'assignment') value = field(value, 'right'); // a = b = 1
            const id = this.src.slice(left.start, left.end);
            if (value) {
              const binding: Binding = { kind: 'value', node: value, scope: this };
              this.bind(id, binding);
              let list = this.assigns.get(id);
              if (!list) this.assigns.set(id, (list = []));
              list.push({ binding, start: n.start, end: n.end });
            } else if (!this.names.has(id)) this.names.set(id, { kind: 'blocked' }); // `x: int` alone
          } else if (left) this.block(left);
          if (right) stack.push(right);
          continue;
        }
        case 'augmented_assignment':
        case 'named_expression': {
          const left = field(n, 'left') ?? field(n, 'name');
          if (left) this.block(left);
          break;
        }
        case 'for_statement':
        case 'for_in_clause': {
          const left = field(n, 'left');
          if (left) this.block(left);
          if (n.type === 'for_statement') this.loops.push([n.start, n.end]);
          break;
        }
        case 'while_statement':
          this.loops.push([n.start, n.end]);
          break;
        case 'block':
          this.blocks.push([n.start, n.end]);
          break;
        case 'as_pattern_target':
        case 'global_statement':
        case 'nonlocal_statement':
          this.block(n);
          continue;
        case 'import_statement':
        case 'import_from_statement':
          for (const c of n.children) {
            if (c.field === 'name' || c.type === 'aliased_import' || c.type === 'dotted_name') {
              const alias = c.type === 'aliased_import' ? field(c, 'alias') : null;
              const target = alias ?? (c.type === 'dotted_name' ? c.children.find((x) => x.type === 'identifier') : c);
              if (target) this.block(target);
            }
          }
          continue;
      }
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
}

/** Dotted text of a name/attribute/call chain: `op.get_context().autocommit_block`. */
export function dotted(src: string, node: PyNode | null): string | null {
  // Segments from the last to the first; a call adds "()" to the segment before it.
  let out = '';
  let n = node;
  for (let i = 0; n && i < MAX_DEPTH; i++) {
    if (n.type === 'identifier') return src.slice(n.start, n.end) + out;
    if (n.type === 'attribute') {
      const attr = field(n, 'attribute');
      if (!attr) return null;
      out = `.${src.slice(attr.start, attr.end)}${out}`;
      n = field(n, 'object');
      continue;
    }
    if (n.type === 'call') {
      out = `()${out}`;
      n = field(n, 'function');
      continue;
    }
    if (n.type === 'parenthesized_expression') {
      n = namedChildren(n)[0] ?? null;
      continue;
    }
    return null;
  }
  return null;
}

export class Evaluator {
  private active = new Set<PyNode>();
  constructor(readonly src: string) {}

  eval(node: PyNode | null, scope: Scope, depth = 0): PyValue {
    if (!node) return { t: 'other', node: { type: 'none', start: 0, end: 0, named: false, missing: true, field: null, children: [] } };
    if (depth > MAX_DEPTH) return { t: 'other', node };
    const src = this.src;
    switch (node.type) {
      case 'string':
      case 'concatenated_string': {
        // f"… {TABLE}" with TABLE a string constant is as static as "… " + TABLE
        const d = decodeStringNode(src, node, (_name, start, end) => {
          const v = this.eval({ type: 'identifier', start, end, named: true, missing: false, field: null, children: [] }, scope, depth + 1);
          return v.t === 'str' ? v.s : null;
        });
        return d.ok ? { t: 'str', s: d.s, node } : { t: 'dynamic', reason: d.reason, node };
      }
      case 'integer':
      case 'float':
        return { t: 'num', value: Number(src.slice(node.start, node.end).replace(/_/g, '')), node };
      case 'true':
      case 'false':
        return { t: 'bool', value: node.type === 'true', node };
      case 'none':
        return { t: 'none', node };
      case 'parenthesized_expression': {
        const inner = namedChildren(node)[0];
        return inner ? this.eval(inner, scope, depth + 1) : { t: 'other', node };
      }
      case 'identifier': {
        const name = src.slice(node.start, node.end);
        const b = scope.lookupAt(name, node.start);
        if (b?.kind === 'const') {
          const v = b.value;
          if (v.t === 'str') return { t: 'str', s: pinned(v.s.value, node.start, node.end, v.s), node };
          if (v.t === 'dynamic') return { ...v, reason: `the variable "${name}" (${v.reason})`, node };
          if (v.t === 'num' || v.t === 'bool' || v.t === 'none') return { ...v, node };
          return v;
        }
        if (b?.kind === 'value' && !this.active.has(b.node)) {
          this.active.add(b.node);
          try {
            const v = this.eval(b.node, b.scope, depth + 1);
            // A constant's SQL is reported where it is used, so ignore comments at the call cover it.
            if (v.t === 'str') return { t: 'str', s: pinned(v.s.value, node.start, node.end, v.s), node };
            if (v.t === 'dynamic') return { ...v, reason: `the variable "${name}" (${v.reason})`, node };
            if (v.t === 'other') return { t: 'dynamic', reason: `the variable "${name}", computed at run time`, node };
            return v;
          } finally {
            this.active.delete(b.node);
          }
        }
        return { t: 'ref', path: name, node };
      }
      case 'attribute': {
        const path = dotted(src, node);
        return path ? { t: 'ref', path, node } : { t: 'other', node };
      }
      case 'call':
        return this.call(node, scope, depth);
      case 'list':
      case 'tuple':
      case 'set':
      case 'expression_list':
        return { t: 'seq', items: namedChildren(node).map((c) => this.eval(c, scope, depth + 1)), node };
      case 'dictionary':
        return { t: 'dict', node };
      case 'binary_operator': {
        // The operator token is anonymous (not in the tree): it is the text between the operands.
        const left = field(node, 'left');
        const right = field(node, 'right');
        const opText = left && right ? src.slice(left.end, right.start).replace(/#.*$/gm, '').replace(/[\s\\()]/g, '') : '';
        const l = this.eval(left, scope, depth + 1);
        const r = this.eval(right, scope, depth + 1);
        if (opText === '+' && l.t === 'str' && r.t === 'str') return { t: 'str', s: concat([l.s, r.s]), node };
        if (opText === '%' && (l.t === 'str' || l.t === 'dynamic')) return { t: 'dynamic', reason: '%-formatting', node };
        if (opText === '+' && (l.t === 'str' || r.t === 'str' || l.t === 'dynamic' || r.t === 'dynamic'))
          return { t: 'dynamic', reason: 'a string built with +', node };
        return { t: 'other', node };
      }
      case 'conditional_expression':
        return { t: 'dynamic', reason: 'a conditional expression', node };
      default:
        return { t: 'other', node };
    }
  }

  private call(node: PyNode, scope: Scope, depth: number): PyValue {
    const src = this.src;
    const fn = field(node, 'function');
    const callee = dotted(src, fn);
    let receiver: PyValue | null = null;
    let name: string | null = null;
    if (fn?.type === 'attribute') {
      const attr = field(fn, 'attribute');
      name = attr ? src.slice(attr.start, attr.end) : null;
      receiver = this.eval(field(fn, 'object'), scope, depth + 1);
    } else if (fn?.type === 'identifier') name = src.slice(fn.start, fn.end);
    const args: PyValue[] = [];
    const kwargs = new Map<string, PyValue>();
    let star = false;
    const list = field(node, 'arguments');
    for (const a of list ? namedChildren(list) : []) {
      if (a.type === 'keyword_argument') {
        const k = field(a, 'name');
        if (k) kwargs.set(src.slice(k.start, k.end), this.eval(field(a, 'value'), scope, depth + 1));
      } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') star = true;
      else args.push(this.eval(a, scope, depth + 1));
    }
    // "…".format(…) is computed at run time.
    if (name === 'format' && receiver && (receiver.t === 'str' || receiver.t === 'dynamic')) return { t: 'dynamic', reason: 'str.format()', node };
    return { t: 'call', callee, name, receiver, args, kwargs, star, node };
  }
}

/** A positional-or-keyword argument: `arg(call, 1, 'table_name')`. */
export function arg(call: CallValue, index: number, ...names: string[]): PyValue | undefined {
  for (const n of names) {
    const v = call.kwargs.get(n);
    if (v) return v;
  }
  return index >= 0 ? call.args[index] : undefined;
}

export const isTrue = (v: PyValue | undefined): boolean => v?.t === 'bool' && v.value;
export const isFalse = (v: PyValue | undefined): boolean => v?.t === 'bool' && !v.value;
export function lastSegment(path: string | null): string {
  if (!path) return '';
  const seg = path.slice(path.lastIndexOf('.') + 1);
  return seg.endsWith('()') ? seg.slice(0, -2) : seg;
}
