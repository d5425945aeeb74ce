/**
 * The expression reader (src/sources/alembic/expr.ts) must build exactly the tree the
 * tree-sitter copy builds. Every test here parses the same text twice, once reading expressions
 * from the source and once copying every node out of tree-sitter (`copyAll`), and compares the
 * two trees node by node: type, offsets, field, children.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseSeeds, mutatedSeeds } from './fuzz-helpers.js';
import { ready } from './helpers.js';
import { parsePython, type PyNode } from '../src/sources/alembic/parser.js';
import { MAX_NESTING, READABLE_TYPES, readExpression } from '../src/sources/alembic/expr.js';
import { renderAlembicCorpus } from '../bench/alembic-corpus.js';

beforeAll(async () => {
  await ready;
});

/** The first difference between two trees, as a readable path, or null. */
function firstDifference(a: PyNode, b: PyNode, src: string, path = 'module'): string | null {
  const show = (n: PyNode) => `${n.field ? `${n.field}: ` : ''}${n.type} [${n.start}, ${n.end}) ${n.named ? '' : 'anonymous '}${n.missing ? 'missing ' : ''}${n.children.length} children`;
  if (a.type !== b.type || a.start !== b.start || a.end !== b.end || a.field !== b.field || a.named !== b.named || a.missing !== b.missing || a.children.length !== b.children.length) {
    return `${path}: copied ${show(a)}, read ${show(b)} — ${JSON.stringify(src.slice(a.start, a.end).slice(0, 120))}`;
  }
  for (let i = 0; i < a.children.length; i++) {
    const d = firstDifference(a.children[i]!, b.children[i]!, src, `${path} > ${a.children[i]!.type}`);
    if (d) return d;
  }
  return null;
}

/** Parse both ways; fail with the first difference. Returns how many nodes the reader built. */
function same(src: string): number {
  const copied = parsePython(src, { copyAll: true });
  const read = parsePython(src);
  expect(firstDifference(copied.root, read.root, src)).toBeNull();
  expect(read.errors.map((e) => [e.type, e.start, e.end])).toEqual(copied.errors.map((e) => [e.type, e.start, e.end]));
  return count(read.root);
}

const count = (n: PyNode): number => 1 + n.children.reduce((a, c) => a + count(c), 0);

/** Does the reader take the first statement of `src` (for a def: its parameters and return type) as a whole? */
function readsWhole(src: string): boolean {
  const first = parsePython(src, { copyAll: true }).root.children[0]!;
  const nodes = first.type === 'function_definition' ? first.children.filter((c) => c.field === 'parameters' || c.field === 'return_type') : [first];
  return nodes.every((n) => READABLE_TYPES.has(n.type) && readExpression(src, n.type, n.start, n.end, n.field).ok);
}

/** The node the reader returns for `src` read as `type` over the whole text, or null. */
function read(src: string, type: string) {
  const r = readExpression(src, type, 0, src.length, null);
  return r.ok ? r.node : null;
}

const seeds = caseSeeds('.py');

describe('reading expressions from the text gives the tree-sitter tree', () => {
  it('on every .py rule case and fixture revision', () => {
    expect(seeds.length).toBeGreaterThan(150);
    for (const s of seeds) same(s);
  });

  it('on a generated Alembic corpus (every op style the benchmark writes)', () => {
    const c = renderAlembicCorpus({ files: 150, largeFiles: 1, brokenFiles: 2, merges: 1 });
    for (const f of c.revisions) same(c.texts.get(f)!);
  });

  it('construct by construct', () => {
    const cases = [
      // literals and names
      'x = 1', 'x = 0x1F_0 + 0o7 + 0b1 + 1_000 + 10L + 3j', 'x = 1.5 + .5 + 1. + 1e5 + 1.5E-3j', 'x = True, False', 'x = None', 'x = ...',
      'x = "a" \'b\' """c""" r"\\d" b"\\x00" rb\'\\\'\' f"{y}" f"{{}}" u"é"', "x = f'{a!r:>{w}}' + F\"{b[k]}\"",
      'x = """line\n  two "quoted" \\""" end"""', "x = 'it\\'s'", 'x = "a\\\nb"',
      // calls, attributes, subscripts
      'op.add_column("t", sa.Column("c", sa.String(length=255), sa.ForeignKey("u.id", ondelete="CASCADE"), nullable=False, server_default=sa.text("now()")))',
      'f(*args, **kw)', 'f(a, *b, c=1, **d,)', 'f()()', 'a.b.c(d)[e].f', 'x = a[0]', 'x = a["k"][1]', 'f((a))', 'f((*a, b))',
      // containers
      'x = [1, [2, (3,)], {}, {"a": 1, **b}, {1, 2}, {*a}, ()]', 'x = [*a, *b]', 'x = (1, 2,)', 'x = {"k": [1], "j": (2)}',
      // arithmetic (tree-sitter precedences)
      'x = -a ** b', 'x = a ** -b ** c', 'x = -a * b + c % d // e / f @ g - h', 'x = ~a + +b', 'x = "a" + b + "c" % (d,)', 'x = (a + b) * c',
      // statements the reader takes
      'x = y = z = 1', 'x: int = 1', 'x: str', 'revision: str = "a"', 'down: Union[str, Sequence[str], None] = ("a", "b")', 'x: "Foo" = 1', 'x: a.b = 2',
      'from typing import Sequence, Union', 'from a.b import (c as d, e,)', 'import x.y as z, w', 'a.b = 1', 'a[0] = 1', 'x = a; y = b', 'x = 1, 2,', 'x = a, (b, c)',
      'def f(a, b=1, *args, c: int = 2, **kw: Any) -> Optional[int]:\n    pass', 'def g() -> a.b:\n    return 1', '"""docstring"""',
    ];
    let built = 0;
    for (const c of cases) {
      built += same(c);
      expect(readsWhole(c), c).toBe(true);
    }
    expect(built).toBeGreaterThan(400);
  });

  it('what it leaves to tree-sitter still comes out the same', () => {
    const cases = [
      'f(a,  # a comment\n  b)', 'x = a if b else c', 'x = not a and b or c', 'x = a < b <= c != d', 'x = a is not b', 'x = lambda y: y',
      'x = [i for i in y]', 'x = {k: v for k, v in y}', 'f(a for a in b)', 'x = a[1:2]', 'x = a[1, 2]', 'x = a | b & c ^ d << e >> f',
      'x = (yield)', 'x = (y := 1)', 'x = (*a)', 'a, b = c', 'x += 1', 'print("x")', 'f(print=1)', 'x = match.group', 'x.type = 1',
      'x = \\\n  1', 'x = f"{\'nested\'}"', 'x = f"{a:\'>10}"', 'from . import x', 'from a import *', 'def f(*, a, /):\n    pass', 'x: int | None = 1',
      'x = `a`', 'x = naïve', 'await g()',
      `x = ${'('.repeat(MAX_NESTING + 20)}1${')'.repeat(MAX_NESTING + 20)}`,
      `f(${'g('.repeat(MAX_NESTING)}1${')'.repeat(MAX_NESTING)})`,
      `x = ${'y = '.repeat(MAX_NESTING + 5)}1`,
      `x = ${'-'.repeat(MAX_NESTING + 5)}1`,
    ];
    for (const c of cases) {
      same(c);
      expect(readsWhole(c), c).toBe(false);
    }
  });
});

describe('deep input stays off the JS stack', () => {
  it('thousands of nested brackets, chained assignments, unary signs and attribute hops', () => {
    for (const src of [
      `x = ${'('.repeat(5000)}1${')'.repeat(5000)}`, `x = ${'['.repeat(5000)}${']'.repeat(5000)}`, `x = ${'y = '.repeat(5000)}1`, `x = ${'-'.repeat(5000)}1`,
      `x = ${'a.'.repeat(5000)}b`, `f${'()'.repeat(5000)}`, `x = ${'a + '.repeat(5000)}b`, `x = ${'a ** '.repeat(3000)}b`,
    ]) {
      expect(() => same(src), src.slice(0, 20)).not.toThrow();
    }
  });
});

describe('readExpression', () => {
  it('reads what it handles, and refuses the rest instead of guessing', () => {
    expect(read('op.f("ix")', 'call')).toMatchObject({ type: 'call', start: 0, end: 10 });
    expect(read('x = 1', 'assignment')?.children.map((c) => c.field)).toEqual(['left', 'right']);
    expect(read('-a ** b', 'unary_operator')?.children[0]?.type).toBe('binary_operator');
    expect(read('(a)', 'parenthesized_expression')?.children[0]?.type).toBe('identifier');
    for (const [src, type] of [
      ['f(a,  # why\n b)', 'call'], ['a if b else c', 'call'], ['f(x for x in y)', 'call'], ['f(a < b)', 'call'], ['f(lambda: 1)', 'call'],
      ['f(print)', 'call'], ['f(naïve)', 'call'], ['f(a)\\\n', 'call'], ['(*a)', 'parenthesized_expression'], ['a, b = 1', 'assignment'],
      ['f(a)', 'attribute'], ['f(a', 'call'],
    ] as const) {
      expect(read(src, type), `${type}: ${src}`).toBeNull();
    }
  });

  it('says when an expression is too deep, so the caller copies its insides', () => {
    const deep = `${'('.repeat(MAX_NESTING + 5)}1${')'.repeat(MAX_NESTING + 5)}`;
    expect(readExpression(deep, 'parenthesized_expression', 0, deep.length, null)).toEqual({ ok: false, deep: true });
    expect(readExpression('f(a < b)', 'call', 0, 8, null)).toEqual({ ok: false, deep: false });
  });

  it('only claims node types that have children (leaves cost nothing to copy)', () => {
    for (const t of ['identifier', 'string', 'integer', 'comment', 'block', 'module']) expect(READABLE_TYPES.has(t)).toBe(false);
  });
});

describe('property: both paths agree on mutated revisions and token soup', () => {
  const TOKENS = [
    '(', ')', '[', ']', '{', '}', ':', ',', '.', '=', '==', '+', '-', '*', '**', '%', ' if ', ' else ', ' for x in y', '\n', '    ', ' ', '#c\n',
    '"', "'", '"""', 'f"{a}"', 'rb"\\x"', '\\', '\\\n', 'op.', 'op.execute(', 'sa.Column(', 'sa.text(', 'x', 'y=', '1', '1.5', 'None', 'True',
    'lambda: ', 'not ', ' and ', ' as b', 'print', 'é', ':=', 'def f(a: int = 1) -> T:\n    pass\n', 'from a import b\n', 'x: Union[a, b] = 1\n',
  ];
  const mutated = mutatedSeeds(seeds, TOKENS, 12, 6);
  it('mutated real revisions', () => {
    fc.assert(fc.property(mutated, (s) => void same(s)), { numRuns: 400 });
  });
  it('random expression trees (precedence, nesting, whitespace inside brackets)', () => {
    const ws = fc.constantFrom('', ' ', '\n  ', ' #c\n ');
    const { expr } = fc.letrec<{ expr: string; primary: string; atom: string }>((tie) => ({
      atom: fc.oneof(
        fc.constantFrom('a', 'sa', 'op', '_x1', '0', '12_0', '0xFF', '1.5', '2e3', 'True', 'None', '...', '"s"', "r'\\d'", 'f"{a}"', '"""t\n"""', '"a" "b"', 'b"\\x00"'),
        fc.tuple(ws, tie('expr'), ws).map(([a, e, b]) => `(${a}${e}${b})`),
        fc.array(tie('expr'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
        fc.array(tie('expr'), { maxLength: 3 }).map((xs) => `(${xs.join(', ')}${xs.length === 1 ? ',' : ''})`),
        fc.array(fc.tuple(tie('expr'), tie('expr')), { maxLength: 2 }).map((ps) => `{${ps.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
      ),
      primary: fc.oneof(
        { depthSize: 'small' },
        tie('atom'),
        fc.tuple(tie('primary'), fc.constantFrom('b', 'Column', 'execute')).map(([p, n]) => `${p}.${n}`),
        fc.tuple(tie('primary'), fc.array(fc.oneof(tie('expr'), tie('expr').map((e) => `k=${e}`), tie('expr').map((e) => `*${e}`), tie('expr').map((e) => `**${e}`)), { maxLength: 3 }), ws)
          .map(([p, args, w]) => `${p}(${w}${args.join(`,${w}`)})`),
        fc.tuple(tie('primary'), tie('expr')).map(([p, i]) => `${p}[${i}]`),
      ),
      expr: fc.oneof(
        { depthSize: 'small' },
        tie('primary'),
        fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '//', '%', '**', '@'), tie('expr')).map(([l, o, r]) => `${l} ${o} ${r}`),
        fc.tuple(fc.constantFrom('-', '+', '~'), tie('expr')).map(([o, e]) => `${o}${e}`),
      ),
    }));
    let clean = 0;
    fc.assert(
      fc.property(expr, (e) => {
        const src = `def upgrade():\n    x = ${e}\n    op.execute(${e})\n`;
        same(src);
        if (parsePython(src).errors.length === 0) clean++;
      }),
      { numRuns: 500 },
    );
    // Most generated expressions are valid Python, so the reader (not the error-tree copy) is what was compared.
    expect(clean).toBeGreaterThan(250);
  });
  it('expressions built from tokens', () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((a) => `def upgrade():\n    x = ${a.join('')}\n    op.execute(${a.join('')})\n`);
    fc.assert(fc.property(soup, (s) => void same(s)), { numRuns: 600 });
  });
});
