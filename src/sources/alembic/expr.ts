/**
 * Reads a Python expression straight from the source text, in the shape tree-sitter gives it.
 *
 * Copying a syntax tree out of tree-sitter costs a WASM call for every property of every node
 * (about a microsecond a node), which made the copy as slow as the parse itself. Inside a file
 * that tree-sitter parsed without an error, the text of an expression node is valid Python, so
 * parser.ts hands the common expression nodes (calls, attributes, literals, containers,
 * arithmetic, assignments) to this reader and copies only the statements around them from
 * tree-sitter.
 *
 * The reader builds exactly the PyNodes the copy builds: the same types, fields and offsets,
 * named nodes only, strings as leaves. It follows tree-sitter-python 0.25's grammar.js
 * (precedences: + - 18, * / // % @ 19, unary 20, ** 21 right-associative, call/attribute 22).
 * It also reads the simple statements around them (expression statements, assignments with or
 * without a type annotation, imports) and the parameters and annotations of a def, which make up
 * most of the remaining nodes of a revision file (its typed header, its imports).
 * Whatever it does not handle makes it return null, and that node is copied from tree-sitter as
 * before: comments and line continuations inside the expression, comparisons and boolean
 * operators, conditional expressions, lambdas, comprehensions, slices, bitwise operators,
 * `:=`, f-strings with quotes or backslashes inside a replacement field, soft keywords used as
 * names (print, exec, async, await, match, type), non-ASCII names, nesting deeper than
 * MAX_NESTING. test/alembic-expr.test.ts checks that both paths give identical trees.
 */
import type { PyNode } from './parser.js';

/** Node types parser.ts may hand to readExpression (those that have children). */
export const READABLE_TYPES: ReadonlySet<string> = new Set([
  'expression_statement', 'assignment', 'call', 'attribute', 'argument_list', 'keyword_argument', 'subscript', 'list', 'tuple',
  'dictionary', 'set', 'pair', 'parenthesized_expression', 'concatenated_string', 'binary_operator', 'unary_operator',
  'list_splat', 'dictionary_splat', 'type', 'parameters', 'import_statement', 'import_from_statement',
]);

/** Deeper input is left to the (iterative) tree-sitter copy, so recursion here stays shallow. */
export const MAX_NESTING = 100;

export type ReadResult =
  | { ok: true; node: PyNode }
  /** `deep`: the expression nests deeper than MAX_NESTING; the caller should not try its sub-expressions either. */
  | { ok: false; deep: boolean };

// Token kinds
const NAME = 1;
const NUMBER = 2;
const STRING = 3;
const OP = 4;
const END = 5;

/** Names that are keywords, or soft keywords tree-sitter-python may read as something else. */
const NOT_A_NAME = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield', 'print', 'exec', 'match', 'case', 'type',
]);

class Bail {
  constructor(readonly deep: boolean) {}
}
const BAIL = new Bail(false);
const TOO_DEEP = new Bail(true);

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** String prefix letters tree-sitter-python's scanner accepts (any combination). */
const isPrefixChar = (c: number) => c === 102 || c === 70 || c === 116 || c === 84 || c === 114 || c === 82 || c === 98 || c === 66 || c === 117 || c === 85;

const INTEGER = /^(?:0[xX](?:_?[0-9A-Fa-f])+[lL]?|0[oO](?:_?[0-7])+[lL]?|0[bB](?:_?[01])+[lL]?|(?:[0-9]+_?)+[lLjJ]?)$/;
const FLOAT = /^(?:(?:[0-9]+_?)+\.(?:[0-9]+_?)*(?:[eE][+-]?(?:[0-9]+_?)+)?|\.(?:[0-9]+_?)+(?:[eE][+-]?(?:[0-9]+_?)+)?|(?:[0-9]+_?)+[eE][+-]?(?:[0-9]+_?)+)[jJ]?$/;

const node = (type: string, start: number, end: number, children: PyNode[]): PyNode => ({ type, start, end, named: true, missing: false, field: null, children });
const withField = (n: PyNode, field: string): PyNode => {
  n.field = field;
  return n;
};

class Reader {
  private pos: number;
  private depth = 0;
  // The current token.
  kind = END;
  start = 0;
  end = 0;
  /** Operator text, or the text of a NAME or NUMBER token. */
  op = '';

  constructor(
    private readonly src: string,
    from: number,
    private readonly limit: number,
  ) {
    this.pos = from;
    this.next();
  }

  /** Scan the next token into kind/start/end/op. */
  next(): void {
    const src = this.src;
    let p = this.pos;
    const lim = this.limit;
    for (;;) {
      if (p >= lim) {
        this.kind = END;
        this.start = this.end = this.pos = lim;
        return;
      }
      const c = src.charCodeAt(p);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) {
        p++;
        continue;
      }
      break;
    }
    const c = src.charCodeAt(p);
    this.start = p;
    if (isNameStart(c)) {
      let q = p + 1;
      while (q < lim && isNameChar(src.charCodeAt(q))) q++;
      const next = q < lim ? src.charCodeAt(q) : 0;
      if (next === 39 || next === 34) {
        // A string with a prefix (rb"…", f'…'): any run of prefix letters, as the scanner reads it.
        for (let i = p; i < q; i++) if (!isPrefixChar(src.charCodeAt(i))) throw BAIL;
        this.string(p, q);
        return;
      }
      if (next >= 128) throw BAIL; // a non-ASCII identifier character
      this.kind = NAME;
      this.op = src.slice(p, q);
      this.end = this.pos = q;
      return;
    }
    if (isDigit(c) || (c === 46 && p + 1 < lim && isDigit(src.charCodeAt(p + 1)))) {
      let q = p + 1;
      for (;;) {
        if (q >= lim) break;
        const d = src.charCodeAt(q);
        if (isNameChar(d) || d === 46) q++;
        else if ((d === 43 || d === 45) && (src.charCodeAt(q - 1) === 101 || src.charCodeAt(q - 1) === 69) && !/^0[xX]/.test(src.slice(p, q))) q++;
        else break;
      }
      this.kind = NUMBER;
      this.op = src.slice(p, q);
      this.end = this.pos = q;
      return;
    }
    if (c === 39 || c === 34) {
      this.string(p, p);
      return;
    }
    // Operators and punctuation.
    const c2 = p + 1 < lim ? src.charCodeAt(p + 1) : 0;
    let len = 1;
    switch (c) {
      case 40: case 41: case 91: case 93: case 123: case 125: case 44: case 58: case 126:
        break; // ( ) [ ] { } , : ~
      case 46: // . or ...
        if (c2 === 46 && src.charCodeAt(p + 2) === 46 && p + 2 < lim) len = 3;
        break;
      case 42: // * **
        if (c2 === 42) len = 2;
        break;
      case 47: // / //
        if (c2 === 47) len = 2;
        break;
      case 61: // = ==
        if (c2 === 61) len = 2;
        break;
      case 43: case 45: case 37: case 64: case 60: case 62: case 33: case 38: case 124: case 94: case 59:
        // + - % @ < > ! & | ^ ;  (two-character forms are rejected by the grammar functions anyway)
        if (c2 === 61 || (c === 60 && (c2 === 60 || c2 === 62)) || (c === 62 && c2 === 62) || (c === 45 && c2 === 62)) len = 2;
        break;
      default:
        throw BAIL; // # (comment), \ (line continuation), ` (backquote string), $, ?, non-ASCII
    }
    this.kind = OP;
    this.op = src.slice(p, p + len);
    this.end = this.pos = p + len;
  }

  /** A string literal whose prefix runs from `p` to `q` (the opening quote). */
  private string(p: number, q: number): void {
    const src = this.src;
    const lim = this.limit;
    let format = false;
    for (let i = p; i < q; i++) {
      const c = src.charCodeAt(i) | 32;
      if (c === 102 || c === 116) format = true; // f-strings and t-strings
    }
    const quote = src.charCodeAt(q);
    const triple = q + 2 < lim && src.charCodeAt(q + 1) === quote && src.charCodeAt(q + 2) === quote;
    let i = q + (triple ? 3 : 1);
    for (;;) {
      if (i >= lim) throw BAIL;
      const c = src.charCodeAt(i);
      if (c === 92) {
        // A backslash always protects the next character from ending the string (raw strings too).
        i += src.charCodeAt(i + 1) === 13 && src.charCodeAt(i + 2) === 10 ? 3 : 2;
        continue;
      }
      if (c === quote) {
        if (!triple) {
          i++;
          break;
        }
        if (src.charCodeAt(i + 1) === quote && src.charCodeAt(i + 2) === quote && i + 2 < lim) {
          i += 3;
          break;
        }
        i++;
        continue;
      }
      if ((c === 10 || c === 13) && !triple) throw BAIL;
      if (format && (c === 123 || c === 125)) {
        if (src.charCodeAt(i + 1) === c) {
          i += 2; // {{ or }}
          continue;
        }
        if (c === 125) throw BAIL;
        i = this.replacementField(i + 1);
        continue;
      }
      i++;
    }
    this.kind = STRING;
    this.end = this.pos = i;
  }

  /** Skip an f-string replacement field that starts after its `{`; returns the index after its `}`. */
  private replacementField(i: number): number {
    const src = this.src;
    let depth = 0;
    for (; i < this.limit; i++) {
      const c = src.charCodeAt(i);
      // Nested strings, escapes, comments and line breaks inside a field: leave it to tree-sitter.
      if (c === 39 || c === 34 || c === 92 || c === 35 || c === 10 || c === 13) throw BAIL;
      if (c === 123 || c === 40 || c === 91) depth++;
      else if (c === 41 || c === 93) depth--;
      else if (c === 125) {
        if (depth === 0) return i + 1;
        depth--;
      }
    }
    throw BAIL;
  }

  isOp(op: string): boolean {
    return this.kind === OP && this.op === op;
  }

  expect(op: string): number {
    if (this.kind !== OP || this.op !== op) throw BAIL;
    const end = this.end;
    this.next();
    return end;
  }

  enter(): void {
    if (++this.depth > MAX_NESTING) throw TOO_DEEP;
  }
  leave(): void {
    this.depth--;
  }

  // ── grammar ─────────────────────────────────────────────────────────────────────────────

  /** An expression: arithmetic over primaries (anything else, e.g. `if`, `and`, `==`, is left to the caller to reject). */
  expression(): PyNode {
    return this.binary(0);
  }

  private static prec(op: string): number {
    switch (op) {
      case '+': case '-': return 18;
      case '*': case '/': case '//': case '%': case '@': return 19;
      case '**': return 21;
      default: return -1;
    }
  }

  private binary(min: number): PyNode {
    this.enter();
    let left = this.unary();
    for (;;) {
      if (this.kind !== OP) break;
      const p = Reader.prec(this.op);
      if (p < 0 || p < min) break;
      this.next();
      // `**` is right-associative; the others are left-associative.
      const right = this.binary(p === 21 ? 21 : p + 1);
      left = node('binary_operator', left.start, right.end, [withField(left, 'left'), withField(right, 'right')]);
    }
    this.leave();
    return left;
  }

  private unary(): PyNode {
    if (this.kind === OP && (this.op === '-' || this.op === '+' || this.op === '~')) {
      const start = this.start;
      this.next();
      // The argument is a primary expression, and only `**` (21) binds tighter than unary (20).
      const arg = this.binary(21);
      return node('unary_operator', start, arg.end, [withField(arg, 'argument')]);
    }
    return this.primary();
  }

  private primary(): PyNode {
    let n = this.atom();
    for (;;) {
      if (this.kind !== OP) return n;
      if (this.op === '.') {
        this.next();
        const attr = this.identifier();
        n = node('attribute', n.start, attr.end, [withField(n, 'object'), withField(attr, 'attribute')]);
      } else if (this.op === '(') {
        const args = this.argumentList();
        n = node('call', n.start, args.end, [withField(n, 'function'), withField(args, 'arguments')]);
      } else if (this.op === '[') {
        this.next();
        this.enter();
        const sub = this.expression();
        this.leave();
        const end = this.expect(']'); // slices and tuples of subscripts are left to tree-sitter
        n = node('subscript', n.start, end, [withField(n, 'value'), withField(sub, 'subscript')]);
      } else return n;
    }
  }

  private identifier(): PyNode {
    if (this.kind !== NAME || NOT_A_NAME.has(this.op)) throw BAIL;
    const n = node('identifier', this.start, this.end, []);
    this.next();
    return n;
  }

  private atom(): PyNode {
    const start = this.start;
    switch (this.kind) {
      case NAME: {
        const name = this.op;
        if (name === 'True' || name === 'False' || name === 'None') {
          this.next();
          return node(name === 'True' ? 'true' : name === 'False' ? 'false' : 'none', start, start + name.length, []);
        }
        return this.identifier();
      }
      case NUMBER: {
        const text = this.op;
        const type = INTEGER.test(text) ? 'integer' : FLOAT.test(text) ? 'float' : null;
        if (!type) throw BAIL;
        const end = this.end;
        this.next();
        return node(type, start, end, []);
      }
      case STRING: {
        const first = node('string', start, this.end, []);
        this.next();
        if (this.kind !== STRING) return first;
        const parts = [first];
        while (this.kind === STRING) {
          parts.push(node('string', this.start, this.end, []));
          this.next();
        }
        return node('concatenated_string', start, parts[parts.length - 1]!.end, parts);
      }
      case OP:
        switch (this.op) {
          case '(':
            return this.parenthesized();
          case '[': {
            this.next();
            const items = this.elements(']');
            return node('list', start, this.expect(']'), items);
          }
          case '{':
            return this.braces();
          case '...': {
            const end = this.end;
            this.next();
            return node('ellipsis', start, end, []);
          }
        }
    }
    throw BAIL;
  }

  /** `( … )`: a tuple, a parenthesized expression, or (not handled) a generator, yield or parenthesized splat. */
  private parenthesized(): PyNode {
    const start = this.start;
    this.next();
    this.enter();
    if (this.isOp(')')) {
      this.leave();
      return node('tuple', start, this.expect(')'), []);
    }
    const first = this.element();
    if (this.isOp(')')) {
      if (first.type === 'list_splat') throw BAIL; // (*a) is a parenthesized_list_splat
      this.leave();
      return node('parenthesized_expression', start, this.expect(')'), [first]);
    }
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.isOp(')')) break;
      items.push(this.element());
    }
    this.leave();
    return node('tuple', start, this.expect(')'), items);
  }

  /** Comma-separated collection elements up to (not including) `close`; a trailing comma is allowed. */
  private elements(close: string): PyNode[] {
    this.enter();
    const items: PyNode[] = [];
    while (!this.isOp(close)) {
      items.push(this.element());
      if (!this.isOp(',')) break;
      this.next();
    }
    this.leave();
    return items;
  }

  private element(): PyNode {
    if (this.isOp('*')) {
      const start = this.start;
      this.next();
      const e = this.expression();
      return node('list_splat', start, e.end, [e]);
    }
    return this.expression();
  }

  /** `{…}`: a dictionary (pairs and **splats) or a set. */
  private braces(): PyNode {
    const start = this.start;
    this.next();
    this.enter();
    if (this.isOp('}')) {
      this.leave();
      return node('dictionary', start, this.expect('}'), []);
    }
    let isDict: boolean;
    if (this.isOp('**')) isDict = true;
    else if (this.isOp('*')) isDict = false;
    else {
      // Decide by the first item: `key: value` makes a dictionary.
      const key = this.expression();
      isDict = this.isOp(':');
      const items: PyNode[] = [];
      if (isDict) {
        this.next();
        const value = this.expression();
        items.push(node('pair', key.start, value.end, [withField(key, 'key'), withField(value, 'value')]));
      } else items.push(key);
      if (this.isOp(',')) {
        this.next();
        while (!this.isOp('}')) {
          items.push(isDict ? this.dictItem() : this.element());
          if (!this.isOp(',')) break;
          this.next();
        }
      }
      this.leave();
      return node(isDict ? 'dictionary' : 'set', start, this.expect('}'), items);
    }
    const items: PyNode[] = [];
    while (!this.isOp('}')) {
      items.push(isDict ? this.dictItem() : this.element());
      if (!this.isOp(',')) break;
      this.next();
    }
    this.leave();
    return node(isDict ? 'dictionary' : 'set', start, this.expect('}'), items);
  }

  private dictItem(): PyNode {
    if (this.isOp('**')) {
      const start = this.start;
      this.next();
      const e = this.expression();
      return node('dictionary_splat', start, e.end, [e]);
    }
    const key = this.expression();
    this.expect(':');
    const value = this.expression();
    return node('pair', key.start, value.end, [withField(key, 'key'), withField(value, 'value')]);
  }

  /** `( args )`: expressions, *splats, **splats and keyword arguments. */
  argumentList(): PyNode {
    const start = this.start;
    this.expect('(');
    this.enter();
    const items: PyNode[] = [];
    while (!this.isOp(')')) {
      items.push(this.argument());
      if (!this.isOp(',')) break;
      this.next();
    }
    this.leave();
    return node('argument_list', start, this.expect(')'), items);
  }

  private argument(): PyNode {
    if (this.isOp('*') || this.isOp('**')) {
      const start = this.start;
      const type = this.op === '*' ? 'list_splat' : 'dictionary_splat';
      this.next();
      const e = this.expression();
      return node(type, start, e.end, [e]);
    }
    if (this.kind === NAME && this.peekIsAssign()) return this.keywordArgument();
    return this.expression();
  }

  /** Is the token after the current one a single `=`? (Scans ahead without moving.) */
  private peekIsAssign(): boolean {
    const src = this.src;
    let p = this.end;
    while (p < this.limit) {
      const c = src.charCodeAt(p);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) p++;
      else return c === 61 && src.charCodeAt(p + 1) !== 61;
    }
    return false;
  }

  keywordArgument(): PyNode {
    const name = this.identifier();
    this.expect('=');
    const value = this.expression();
    return node('keyword_argument', name.start, value.end, [withField(name, 'name'), withField(value, 'value')]);
  }

  /** `target = value` (chains too), `target: type = value`, `target: type`; targets are names, attributes and subscripts. */
  assignment(): PyNode {
    const left = this.expression();
    return this.assignmentFrom(left);
  }

  private assignmentFrom(left: PyNode): PyNode {
    if (left.type !== 'identifier' && left.type !== 'attribute' && left.type !== 'subscript') throw BAIL;
    this.enter(); // a = b = c = … nests
    const children = [withField(left, 'left')];
    let end: number;
    if (this.isOp(':')) {
      this.next();
      const type = this.type();
      children.push(withField(type, 'type'));
      end = type.end;
      if (!this.isOp('=')) {
        this.leave();
        return node('assignment', left.start, end, children);
      }
    }
    this.expect('=');
    let right = this.expression();
    if (this.isOp(',')) right = this.expressionList(right);
    else if (this.isOp('=') || this.isOp(':')) right = this.assignmentFrom(right);
    children.push(withField(right, 'right'));
    this.leave();
    return node('assignment', left.start, right.end, children);
  }

  /** `a, b` (a tuple without parentheses) after its first item; a trailing comma belongs to it. */
  private expressionList(first: PyNode): PyNode {
    const items = [first];
    let end = first.end;
    while (this.isOp(',')) {
      end = this.end;
      this.next();
      if (this.kind === END || this.isOp('=')) break;
      const e = this.expression();
      items.push(e);
      end = e.end;
    }
    if (this.isOp('=')) throw BAIL; // a, b = … is a pattern_list
    return node('expression_list', first.start, end, items);
  }

  /** A statement that is one expression or one assignment. */
  expressionStatement(): PyNode {
    const start = this.start;
    const e = this.expression();
    const child = this.isOp('=') || this.isOp(':') ? this.assignmentFrom(e) : e;
    return node('expression_statement', start, child.end, [child]);
  }

  /**
   * A type annotation: `Name[T, …]` (generic_type), or a name, dotted name, None or string.
   * Unions, calls and other expressions in annotations are left to tree-sitter.
   */
  type(): PyNode {
    this.enter();
    const start = this.start;
    let inner: PyNode;
    if (this.kind === NAME && this.op === 'None') inner = this.atom();
    else if (this.kind === STRING) {
      inner = node('string', this.start, this.end, []);
      this.next();
    } else {
      inner = this.identifier();
      if (this.isOp('[')) {
        const lb = this.start;
        this.next();
        const params: PyNode[] = [];
        while (!this.isOp(']')) {
          params.push(this.type());
          if (!this.isOp(',')) break;
          this.next();
        }
        if (!params.length) throw BAIL;
        const rb = this.expect(']');
        inner = node('generic_type', start, rb, [inner, node('type_parameter', lb, rb, params)]);
      } else {
        while (this.isOp('.')) {
          this.next();
          const attr = this.identifier();
          inner = node('attribute', start, attr.end, [withField(inner, 'object'), withField(attr, 'attribute')]);
        }
      }
    }
    this.leave();
    return node('type', start, inner.end, [inner]);
  }

  /** `(a, b=1, c: T, d: T = 1, *args, **kw)`: a def's parameters (bare `*` and `/` are left to tree-sitter). */
  parameters(): PyNode {
    const start = this.start;
    this.expect('(');
    const items: PyNode[] = [];
    while (!this.isOp(')')) {
      items.push(this.parameter());
      if (!this.isOp(',')) break;
      this.next();
    }
    return node('parameters', start, this.expect(')'), items);
  }

  private parameter(): PyNode {
    const start = this.start;
    let target: PyNode;
    if (this.isOp('*') || this.isOp('**')) {
      const type = this.op === '*' ? 'list_splat_pattern' : 'dictionary_splat_pattern';
      this.next();
      const id = this.identifier();
      target = node(type, start, id.end, [id]);
    } else target = this.identifier();
    if (this.isOp(':')) {
      this.next();
      const type = this.type();
      if (this.isOp('=')) {
        if (target.type !== 'identifier') throw BAIL;
        this.next();
        const value = this.expression();
        return node('typed_default_parameter', start, value.end, [withField(target, 'name'), withField(type, 'type'), withField(value, 'value')]);
      }
      return node('typed_parameter', start, type.end, [target, withField(type, 'type')]);
    }
    if (this.isOp('=')) {
      if (target.type !== 'identifier') throw BAIL;
      this.next();
      const value = this.expression();
      return node('default_parameter', start, value.end, [withField(target, 'name'), withField(value, 'value')]);
    }
    return target;
  }

  private dottedName(): PyNode {
    const parts = [this.identifier()];
    while (this.isOp('.')) {
      this.next();
      parts.push(this.identifier());
    }
    return node('dotted_name', parts[0]!.start, parts[parts.length - 1]!.end, parts);
  }

  /** `a.b` or `a.b as c`, as imported. */
  private importName(): PyNode {
    const name = this.dottedName();
    if (this.kind !== NAME || this.op !== 'as') return withField(name, 'name');
    this.next();
    const alias = this.identifier();
    return withField(node('aliased_import', name.start, alias.end, [withField(name, 'name'), withField(alias, 'alias')]), 'name');
  }

  private keyword(word: string): void {
    if (this.kind !== NAME || this.op !== word) throw BAIL;
    this.next();
  }

  /** `import a.b as c, d`. */
  importStatement(): PyNode {
    const start = this.start;
    this.keyword('import');
    const names = [this.importName()];
    while (this.isOp(',')) {
      this.next();
      names.push(this.importName());
    }
    return node('import_statement', start, names[names.length - 1]!.end, names);
  }

  /** `from a.b import c, d as e` and `from a import (c, d)` (relative and * imports are left to tree-sitter). */
  importFromStatement(): PyNode {
    const start = this.start;
    this.keyword('from');
    const module = withField(this.dottedName(), 'module_name');
    this.keyword('import');
    const paren = this.isOp('(');
    if (paren) this.next();
    const names = [this.importName()];
    while (this.isOp(',')) {
      this.next();
      if (paren && this.isOp(')')) break;
      names.push(this.importName());
    }
    const end = paren ? this.expect(')') : names[names.length - 1]!.end;
    return node('import_from_statement', start, end, [module, ...names]);
  }

  atEnd(): boolean {
    return this.kind === END;
  }
}

/**
 * The PyNode tree of the tree-sitter node `type` spanning `src[start, end)`, or why not. Only
 * call it for nodes of a file that parsed without errors.
 */
export function readExpression(src: string, type: string, start: number, end: number, field: string | null): ReadResult {
  try {
    const r = new Reader(src, start, end);
    let n: PyNode;
    switch (type) {
      case 'assignment':
        n = r.assignment();
        break;
      case 'expression_statement':
        n = r.expressionStatement();
        break;
      case 'type':
        n = r.type();
        break;
      case 'parameters':
        n = r.parameters();
        break;
      case 'import_statement':
        n = r.importStatement();
        break;
      case 'import_from_statement':
        n = r.importFromStatement();
        break;
      case 'argument_list':
        n = r.argumentList();
        break;
      case 'keyword_argument':
        n = r.keywordArgument();
        break;
      case 'pair': {
        const key = r.expression();
        r.expect(':');
        const value = r.expression();
        n = node('pair', key.start, value.end, [withField(key, 'key'), withField(value, 'value')]);
        break;
      }
      case 'list_splat':
      case 'dictionary_splat': {
        r.expect(type === 'list_splat' ? '*' : '**');
        const e = r.expression();
        n = node(type, start, e.end, [e]);
        break;
      }
      default:
        n = r.expression();
    }
    if (!r.atEnd() || n.type !== type || n.start !== start || n.end !== end) return { ok: false, deep: false };
    n.field = field;
    return { ok: true, node: n };
  } catch (e) {
    if (e instanceof Bail) return { ok: false, deep: e.deep };
    throw e;
  }
}
