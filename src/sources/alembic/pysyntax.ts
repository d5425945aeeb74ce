/**
 * Python syntax errors tree-sitter accepts without an ERROR node. tree-sitter-python parses
 * Python 2's `print "x"` / `exec "x"` as statements of their own, and its indentation scanner
 * builds blocks from any deeper or shallower line without checking them against the enclosing
 * ones, so `def upgrade():\n    a()\n        b()` (CPython: "unexpected indent") is a clean tree
 * with both calls in one block. This pass finds those in an error-free tree:
 *
 * - `print x` / `exec x` (a `print >>f, x` chevron is a valid Python 3 expression, and is kept);
 * - statements of one block (or of the module) that start lines at different indentations, with
 *   CPython's measure (a tab to the next multiple of 8, and tabs and spaces not interchangeable);
 * - a module statement that does not start at column 0;
 * - an `else:` / `elif` / `except` / `finally:` not aligned with its statement, a decorated
 *   definition not aligned with its decorators;
 * - an empty block (`def f():` followed by a line at the same indentation);
 * - a statement on its own line after a one-line suite (`if x: a()` then an indented `b()`);
 * - two statements on one line with no `;` between them (`import a asb`: tree-sitter inserts a
 *   MISSING newline, but that token is hidden, so the tree shows no error node at all).
 *
 * - a simple statement that goes on past the end of its line outside any brackets: tree-sitter
 *   joins `x =` with the next line (`op.drop_column(…)`), which Python reads as two lines, the
 *   first one unfinished.
 *
 * Lines joined by a backslash are one logical line, so a statement after one is not checked.
 * Everything else is left to tree-sitter: when in doubt, no finding. Not found: expressions its
 * grammar allows but Python does not (`a / *b`).
 */
import type { PyNode } from './parser.js';

export interface LooseSyntaxError {
  start: number;
  end: number;
  message: string;
}

/** Node types whose children can be statements, clauses or blocks. */
const STATEMENT_LIKE = /(?:^module$|^block$|_statement$|_definition$|_clause$)/;
/** Clauses that continue a compound statement on a line of their own, aligned with it. */
const CLAUSES = new Set(['elif_clause', 'else_clause', 'except_clause', 'except_group_clause', 'finally_clause']);
const NOT_A_STATEMENT = new Set(['comment', 'line_continuation']);

/** CPython's two measures of an indentation: tabs to the next multiple of 8, and every character as 1 (a form feed resets both). */
interface Indent {
  col: number;
  alt: number;
}

export function looseSyntaxErrors(src: string, root: PyNode): LooseSyntaxError[] {
  const out: LooseSyntaxError[] = [];
  const checker = new Checker(src, root, out);
  checker.visit(root);
  return out.sort((a, b) => a.start - b.start);
}

class Checker {
  private commentEnds: Set<number> | null = null;
  constructor(
    readonly src: string,
    readonly root: PyNode,
    readonly out: LooseSyntaxError[],
  ) {}

  visit(n: PyNode): void {
    const stack: PyNode[] = [n];
    while (stack.length) {
      const node = stack.pop()!;
      this.check(node);
      for (let i = node.children.length - 1; i >= 0; i--) {
        const c = node.children[i]!;
        if (STATEMENT_LIKE.test(c.type) || c.type === 'decorated_definition') stack.push(c);
      }
    }
  }

  private report(node: PyNode, message: string): void {
    const n = this.src.length;
    const start = Math.min(node.start, n);
    const nl = this.src.indexOf('\n', start);
    let end = nl < 0 ? n : nl;
    if (this.src[end - 1] === '\r') end--;
    this.out.push({ start, end: Math.min(Math.max(end, start + 1), n), message: `Python syntax error: ${message}` });
  }

  private check(node: PyNode): void {
    switch (node.type) {
      case 'print_statement':
        if (!node.children.some((c) => c.type === 'chevron')) this.report(node, `Missing parentheses in call to 'print' (Python 2 syntax); write print(…)`);
        return;
      case 'exec_statement':
        this.report(node, `Missing parentheses in call to 'exec' (Python 2 syntax); write exec(…)`);
        return;
      case 'module':
        this.siblings(statements(node), { col: 0, alt: 0 });
        return;
      case 'block': {
        const stmts = statements(node);
        if (stmts.length === 0) {
          // CPython points at the line that should have been indented
          this.report(this.nextCode(node.end) ?? node, 'expected an indented block');
          return;
        }
        if (!this.leading(stmts[0]!)) {
          // a one-line suite (`if x: a()`): nothing of it starts a line of its own
          const own = stmts.find((s) => this.leading(s));
          if (own) this.report(own, 'unexpected indent');
          return;
        }
        this.siblings(stmts, null);
        return;
      }
      case 'decorated_definition': {
        const parts = statements(node);
        const first = parts[0];
        if (!first || !this.leading(first)) return;
        const ref = this.indent(first);
        for (const p of parts.slice(1)) {
          if (!this.leading(p)) continue;
          const m = mismatch(this.indent(p), ref);
          if (m) this.report(p, m === 'tabs' ? TABS : m === 'shallower' ? UNINDENT : 'unexpected indent');
        }
        return;
      }
      default: {
        if (SIMPLE.has(node.type)) {
          this.joined(node);
          return;
        }
        // a compound statement's clauses line up with it
        if (!node.children.some((c) => CLAUSES.has(c.type)) || !this.leading(node)) return;
        const ref = this.indent(node);
        let prev: PyNode = node;
        for (const c of node.children) {
          if (CLAUSES.has(c.type) && this.leading(c)) {
            const m = mismatch(this.indent(c), ref);
            if (m) this.report(c, this.message(m, c, prev));
          }
          if (c.type === 'block' || CLAUSES.has(c.type)) prev = c;
        }
      }
    }
  }

  /**
   * Statements that start a line must all be indented like the first (or like `ref`); a statement
   * must be separated from the one before by a newline or a `;`.
   */
  private siblings(stmts: PyNode[], ref: Indent | null): void {
    let prev: PyNode | null = null;
    for (const s of stmts) {
      if (prev && !this.separated(prev, s)) {
        this.report(s, 'invalid syntax (two statements on one line need a ";" between them)');
        prev = s;
        continue;
      }
      if (this.leading(s)) {
        const at = this.indent(s);
        if (!ref) ref = at;
        else {
          const m = mismatch(at, ref);
          if (m) this.report(s, this.message(m, s, prev));
        }
      }
      prev = s;
    }
  }

  /**
   * CPython's words for a misaligned line: it is compared with the line before it (the last line
   * of `prev`): shallower is a dedent to a level that does not exist, deeper an indent after a
   * line that opens no block.
   */
  private message(m: 'tabs' | 'deeper' | 'shallower', n: PyNode, prev: PyNode | null): string {
    if (m === 'tabs') return TABS;
    if (m === 'shallower') return UNINDENT;
    const last = prev ? this.lastLine(prev) : null;
    return last && this.indent(n).col < this.indent(last).col ? UNINDENT : 'unexpected indent';
  }

  /**
   * A simple statement ends at the end of its logical line: a line break inside it must be inside
   * brackets or a string, or follow a backslash. tree-sitter joins lines otherwise (`x =` then
   * `op.drop_column(…)` is one assignment to it); CPython stops at the first line.
   */
  private joined(node: PyNode): void {
    const src = this.src;
    let nl = src.indexOf('\n', node.start);
    if (nl < 0 || nl >= node.end) return;
    const inside: [number, number][] = [];
    const stack: PyNode[] = [...node.children];
    while (stack.length) {
      const c = stack.pop()!;
      if (ENCLOSED.has(c.type)) inside.push([c.start, c.end]);
      else {
        // the brackets of x[…] start after the value
        if (c.type === 'subscript' && c.children[0]) inside.push([c.children[0].end, c.end]);
        for (const k of c.children) stack.push(k);
      }
    }
    // from x import (a,\n b): the names are not a node of their own
    if (node.type === 'import_from_statement') {
      const open = src.indexOf('(', node.start);
      if (open >= 0 && open < node.end) inside.push([open, node.end]);
    }
    for (; nl >= 0 && nl < node.end; nl = src.indexOf('\n', nl + 1)) {
      if (inside.some(([a, b]) => nl > a && nl < b)) continue;
      let j = nl - 1;
      if (src[j] === '\r') j--;
      if (src[j] === '\\' && !this.comments().has(j + 1)) continue;
      this.report(node, 'invalid syntax (the statement ends at the end of this line; put a multi-line expression in parentheses)');
      return;
    }
  }

  /** Is there a newline (not a backslash continuation) or a `;` between two statements? */
  private separated(a: PyNode, b: PyNode): boolean {
    // (only comments, whitespace and `;` can be between two statements; a comment's backslash continues nothing)
    const gap = this.src.slice(a.end, b.start).replace(/#[^\n]*/g, '');
    return gap.includes(';') || gap.replace(/\\\r?\n/g, '').includes('\n');
  }

  /** The last statement or clause in `n` (or `n`) that starts a line. */
  private lastLine(n: PyNode): PyNode | null {
    let best: PyNode | null = null;
    const stack: PyNode[] = [n];
    while (stack.length) {
      const x = stack.pop()!;
      if (x.type !== 'block' && (!best || x.start > best.start) && this.leading(x)) best = x;
      for (const c of x.children) if (STATEMENT_LIKE.test(c.type) || c.type === 'decorated_definition' || c.type === 'decorator') stack.push(c);
    }
    return best;
  }

  /** The first code after `at` (past blank lines and comments), or at the end of the file its last line, as a one-character node. */
  private nextCode(at: number): PyNode | null {
    const src = this.src;
    const m = /(?:\s|#[^\n]*)*/y;
    m.lastIndex = at;
    m.exec(src);
    let i = m.lastIndex;
    if (i >= src.length) {
      // the end of the file: its last line with anything on it
      i = src.trimEnd().length;
      if (i <= at) return null;
      const line = src.lastIndexOf('\n', i - 1) + 1;
      i = line + (/^[ \t\f]*/.exec(src.slice(line))![0].length);
    }
    return { type: 'code', start: i, end: i + 1, named: true, missing: false, field: null, children: [] };
  }

  /** Does the node start a logical line (only indentation before it, and no backslash continuation from the line before)? */
  private leading(n: PyNode): boolean {
    const src = this.src;
    let i = n.start - 1;
    while (i >= 0 && (src[i] === ' ' || src[i] === '\t' || src[i] === '\f')) i--;
    if (i < 0) return true;
    if (src[i] !== '\n') return false;
    let j = i - 1;
    if (src[j] === '\r') j--;
    if (src[j] !== '\\') return true;
    // a backslash at the end of a comment continues nothing
    return this.comments().has(j + 1);
  }

  private indent(n: PyNode): Indent {
    const src = this.src;
    let i = n.start;
    while (i > 0 && src[i - 1] !== '\n') i--;
    let col = 0;
    let alt = 0;
    for (; i < n.start; i++) {
      const c = src[i];
      if (c === ' ') {
        col++;
        alt++;
      } else if (c === '\t') {
        col = (Math.floor(col / 8) + 1) * 8;
        alt++;
      } else if (c === '\f') {
        col = 0;
        alt = 0;
      }
    }
    return { col, alt };
  }

  /** End offsets of the comments (computed when a line ending in a backslash is met). */
  private comments(): Set<number> {
    if (this.commentEnds) return this.commentEnds;
    const ends = new Set<number>();
    const stack: PyNode[] = [this.root];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'comment') ends.add(n.end);
      else for (const c of n.children) stack.push(c);
    }
    this.commentEnds = ends;
    return ends;
  }
}

/** Statements that end at the end of their logical line. */
const SIMPLE = new Set([
  'expression_statement', 'return_statement', 'delete_statement', 'raise_statement', 'assert_statement', 'import_statement',
  'import_from_statement', 'future_import_statement', 'global_statement', 'nonlocal_statement', 'type_alias_statement',
]);
/** Nodes a line break may be inside: brackets, strings, comments. */
const ENCLOSED = new Set([
  'argument_list', 'parenthesized_expression', 'list', 'tuple', 'dictionary', 'set', 'list_comprehension', 'dictionary_comprehension',
  'set_comprehension', 'generator_expression', 'parameters', 'type_parameter', 'parenthesized_list_splat', 'tuple_pattern', 'list_pattern',
  'dict_pattern', 'string', 'comment',
]);

const TABS = 'inconsistent use of tabs and spaces in indentation';
const UNINDENT = 'unindent does not match any outer indentation level';

function statements(n: PyNode): PyNode[] {
  return n.children.filter((c) => c.named && !NOT_A_STATEMENT.has(c.type) && (n.type !== 'decorated_definition' || c.type === 'decorator' || c.field === 'definition' || /_definition$/.test(c.type)));
}

/** How `at` differs from `ref`: null when they are the same indentation for CPython. */
function mismatch(at: Indent, ref: Indent): 'tabs' | 'deeper' | 'shallower' | null {
  if (at.col === ref.col) return at.alt === ref.alt ? null : 'tabs';
  // CPython also rejects an indentation whose order differs between the two measures
  if ((at.col > ref.col) !== (at.alt > ref.alt)) return 'tabs';
  return at.col > ref.col ? 'deeper' : 'shallower';
}
