/**
 * The Alembic front end in detail: what is extracted from upgrade()/downgrade(), where findings
 * point (line and column in the .py file, also inside SQL strings), batch and autocommit blocks,
 * connections, dynamic SQL, ignore comments, syntax errors and the revision header.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expectClean, expectFindings, lintPython, ready } from './helpers.js';
import { loadAlembicFile } from '../src/sources/alembic/index.js';
import { maskBindParams } from '../src/sources/alembic/sql.js';
import type { Operation } from '../src/model/operation.js';

beforeAll(async () => {
  await ready;
});

const file = (up: string, down = 'pass', head = '') =>
  `"""test revision"""\nfrom alembic import op\nimport sqlalchemy as sa\n${head}\nrevision = "abc123"\ndown_revision = None\n\n\ndef upgrade():\n${indent(up)}\n\n\ndef downgrade():\n${indent(down)}\n`;
const indent = (s: string) => s.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n');
const ops = (text: string, dir: 'upgrade' | 'downgrade' = 'upgrade'): Operation[] => loadAlembicFile({ file: 't.py', text })[dir].operations;
const kinds = (text: string, dir: 'upgrade' | 'downgrade' = 'upgrade') => ops(text, dir).map((o) => o.kind);
/** 1-based line and column of a substring's first occurrence. */
const pos = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
};

describe('positions', () => {
  it('an op call is reported at the call, in the .py file', () => {
    const text = file('op.drop_column("users", "legacy_flag")');
    const [f] = expectFindings(lintPython(text), 'drop-column', 1);
    expect(lintPython(text).at(f!)).toEqual(pos(text, 'op.drop_column'));
  });

  it('SQL inside a string is reported at its own line and column (triple quotes, dedent)', () => {
    const text = file('op.execute(textwrap.dedent("""\n    SET lock_timeout = \'5s\';\n    ALTER TABLE users DROP COLUMN legacy_flag;\n"""))', 'pass', 'import textwrap');
    const r = lintPython(text);
    const [f] = expectFindings(r, 'drop-column', 1);
    expect(r.at(f!)).toEqual(pos(text, 'ALTER TABLE users DROP'));
  });

  it('implicitly concatenated strings, escapes and non-ASCII keep positions exact', () => {
    const text = file('op.execute("UPDATE \\"usérs\\" SET a = \'é\'; "\n           "ALTER TABLE users ALTER COLUMN a TYPE bigint")');
    const r = lintPython(text);
    const [u] = expectFindings(r, 'unbatched-backfill', 1);
    expect(r.at(u!)).toEqual(pos(text, 'UPDATE'));
    const [c] = expectFindings(r, 'change-column-type', 1);
    expect(r.at(c!)).toEqual(pos(text, 'ALTER TABLE users ALTER'));
    // byte offsets, not UTF-16 indices: the span round-trips through the source
    const m = r.alembic.upgrade;
    expect(m.source.sliceBytes(c!.start, c!.end)).toBe('ALTER TABLE users ALTER COLUMN a TYPE bigint');
  });

  it('a syntax error in op.execute SQL is located inside the string', () => {
    const text = file('op.execute("ALTER TABLE users ADD COLUMN note text DEFAULT")');
    const r = lintPython(text);
    const [f] = expectFindings(r, 'syntax-error', 1);
    expect(r.at(f!).line).toBe(pos(text, 'op.execute').line);
    expect(r.at(f!).column).toBeGreaterThan(pos(text, 'ALTER').column);
  });

  it('a Python syntax error is a syntax-error finding at its line; the rest of the file is still read', () => {
    const text = file('op.drop_column("users", "a"\nop.drop_table("b")', 'op.add_column("t", sa.Column("x", sa.Text()))');
    const r = lintPython(text);
    const [f] = expectFindings(r, 'syntax-error');
    expect(r.at(f!).line).toBeGreaterThanOrEqual(pos(text, 'op.drop_column').line);
    expect(r.at(f!).line).toBeLessThanOrEqual(pos(text, 'op.drop_table').line);
    expect(f!.message).toMatch(/Python syntax error/);
    // irreversible-downgrade is not guessed for a file that does not parse
    expectClean(r, 'irreversible-downgrade');
  });

  it('direction: findings in downgrade() say so', () => {
    const r = lintPython(file('op.add_column("users", sa.Column("n", sa.Text()))', 'op.drop_column("users", "n")'));
    const [f] = expectFindings(r, 'downgrade-data-loss', 1);
    expect(f!.direction).toBe('downgrade');
    expect(expectFindings(r, 'require-lock-timeout').map((x) => x.direction).sort()).toEqual(['downgrade', 'upgrade']);
  });
});

describe('extraction', () => {
  it('batch_alter_table aliases, the parenthesized form, several items and nesting', () => {
    const text = file(
      [
        'with op.batch_alter_table("a") as b1, op.batch_alter_table("b", schema="s") as b2:',
        '    b1.drop_column("x")',
        '    b2.drop_column("y")',
        'with (op.batch_alter_table("c") as bc):',
        '    bc.alter_column("z", new_column_name="w")',
        '    with op.batch_alter_table("d") as bd:',
        '        bd.create_index("ix", ["q"])',
        '        bc.drop_constraint("ck")',
      ].join('\n'),
    );
    const o = ops(text);
    expect(o.map((x) => [x.kind, 'table' in x ? x.table : (x as any).names])).toEqual([
      ['drop_column', 'a'], ['drop_column', 's.b'], ['rename_column', 'c'], ['create_index', 'd'], ['drop_constraint', 'c'],
    ]);
  });

  it('autocommit_block() brackets its statements outside the transaction', () => {
    const text = file(
      'with op.get_context().autocommit_block():\n    op.create_index("i", "t", ["c"], postgresql_concurrently=True)\nop.create_index("j", "t", ["c"], postgresql_concurrently=True)',
    );
    expect(kinds(text)).toEqual(['transaction', 'create_index', 'transaction', 'create_index']);
    const r = lintPython(text);
    const [f] = expectFindings(r, 'concurrent-in-transaction', 1);
    expect(r.at(f!).line).toBe(pos(text, 'op.create_index("j"').line);
  });

  it('env.py without transactional DDL: CONCURRENTLY is fine anywhere', () => {
    expectClean(lintPython(file('op.create_index("i", "t", ["c"], postgresql_concurrently=True)'), { transactional: false }), 'concurrent-in-transaction');
  });

  it('op.get_bind().execute, conn.execute(text(…)), exec_driver_sql and a helper that takes the connection', () => {
    const text = file(
      [
        'op.get_bind().execute(sa.text("TRUNCATE a"))',
        'conn = op.get_bind()',
        'conn.execute(text("DELETE FROM b"))',
        'rows = conn.execute(sa.text("SELECT id FROM c WHERE id = :id")).fetchall()',
        'conn.exec_driver_sql("VACUUM FULL d")',
        '_fix(conn)',
      ].join('\n'),
      'pass',
      'from sqlalchemy import text\n\ndef _fix(connection):\n    connection.execute(text("UPDATE e SET x = 1"))\n',
    );
    expect(kinds(text)).toEqual(['truncate', 'delete', 'raw', 'vacuum', 'update']);
  });

  it('op calls in helpers, loops and branches are found; the last def upgrade() wins', () => {
    const text = [
      'from alembic import op as alembic_op',
      'def upgrade():\n    alembic_op.drop_table("never")',
      'def _drop(name):\n    alembic_op.drop_table(name)',
      'def upgrade():',
      '    if True:\n        _drop("a")\n    else:\n        alembic_op.drop_table("b")',
      '    for t in ("c", "d"):\n        alembic_op.drop_index(f"ix_{t}")',
      '    try:\n        alembic_op.drop_column("e", "f")\n    finally:\n        pass',
    ].join('\n');
    const o = ops(text);
    expect(o.map((x) => x.kind)).toEqual(['drop_table', 'drop_table', 'drop_index', 'drop_index', 'drop_column']);
    // the helper's parameter takes the literal argument of the call
    expect((o[0] as any).tables).toEqual(['a']);
    expect((o[1] as any).tables).toEqual(['b']);
    // the loop variable takes each element, in an f-string as with +
    expect(o.filter((x) => x.kind === 'drop_index').map((x: any) => x.names[0])).toEqual(['ix_c', 'ix_d']);
  });

  it('sa.Column details: nullable, server_default (sa.text, sa.func, literal), ForeignKey, index, unique', () => {
    const o = ops(
      file(
        [
          'op.add_column("t", sa.Column("a", sa.Integer(), nullable=False, server_default=sa.text("0")))',
          'op.add_column("t", sa.Column("b", sa.Uuid(), server_default=sa.text("gen_random_uuid()")))',
          'op.add_column("t", sa.Column("c", sa.DateTime(timezone=True), server_default=sa.func.now()))',
          'op.add_column("t", sa.Column("d", sa.Text(), server_default="x\'y"))',
          'op.add_column("t", sa.Column("e", sa.BigInteger(), sa.ForeignKey("users.id"), index=True))',
          'op.add_column("t", sa.Column("f", sa.String(20), unique=True))',
        ].join('\n'),
      ),
    );
    const cols = o.filter((x): x is Extract<Operation, { kind: 'add_column' }> => x.kind === 'add_column').map((x) => x.column);
    expect(cols.map((c) => [c.name, c.type?.display, c.notNull, c.default?.volatility ?? null])).toEqual([
      ['a', 'integer', true, 'constant'], ['b', 'uuid', false, 'volatile'], ['c', 'timestamptz', false, 'stable'], ['d', 'text', false, 'constant'],
      ['e', 'bigint', false, null], ['f', 'varchar(20)', false, null],
    ]);
    expect(cols[3]!.default!.text).toContain('x');
    expect(o.map((x) => x.kind)).toEqual(['add_column', 'add_column', 'add_column', 'add_column', 'add_column', 'add_constraint', 'create_index', 'add_column', 'add_constraint']);
    const fk = o[5] as Extract<Operation, { kind: 'add_constraint' }>;
    expect([fk.constraint, fk.references, fk.viaColumn]).toEqual(['foreign_key', 'users', 'e']);
  });

  it('alter_column: type (with USING) first, then NULL, default, rename last — as Alembic emits it', () => {
    const o = ops(file('op.alter_column("t", "c", new_column_name="d", server_default=None, nullable=False, type_=sa.BigInteger(), postgresql_using="c::bigint")'));
    expect(o.map((x) => x.kind)).toEqual(['alter_column_type', 'set_not_null', 'drop_default', 'rename_column']);
    expect((o[0] as any).using).toBe('c::bigint');
    expect(ops(file('op.alter_column("t", "c", server_default=sa.text("now()"), nullable=True)')).map((x) => x.kind)).toEqual(['drop_not_null', 'set_default']);
  });

  it('create_table: a lone integer key is SERIAL (as SQLAlchemy renders it), Identity() is identity', () => {
    const t = (cols: string) => (ops(file(`op.create_table("t", ${cols})`))[0] as Extract<Operation, { kind: 'create_table' }>).columns[0]!;
    expect(t('sa.Column("id", sa.Integer(), primary_key=True)').type?.name).toBe('serial');
    expect(t('sa.Column("id", sa.BigInteger(), nullable=False), sa.PrimaryKeyConstraint("id")').type?.name).toBe('bigserial');
    expect(t('sa.Column("id", sa.BigInteger(), primary_key=True, autoincrement=False)').type?.name).toBe('int8');
    expect(t('sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True)').generated).toBe('identity');
    expect(t('sa.Column("id", sa.Integer(), primary_key=True), sa.Column("k", sa.Integer(), primary_key=True)').type?.name).toBe('int4');
    expect(t('sa.Column("tags", postgresql.ARRAY(sa.Text()))').type?.display).toBe('text[]');
    expect(t('sa.Column("s", sa.Enum("a", "b", name="status"))').type?.name).toBe('status');
  });

  it('indexes and constraints: concurrently, using, not valid, exclude, drop_constraint, op.f()', () => {
    const o = ops(
      file(
        [
          'op.create_index(op.f("ix_t_c"), "t", ["c", sa.text("lower(d)")], unique=True, postgresql_using="gin", postgresql_concurrently=True)',
          'op.drop_index("ix_t_c", table_name="t", postgresql_concurrently=True, if_exists=True)',
          'op.create_foreign_key("fk", "t", "u", ["u_id"], ["id"], referent_schema="s", postgresql_not_valid=True)',
          'op.create_check_constraint("ck", "t", "c > 0")',
          'op.create_exclude_constraint("ex", "t", ("r", "&&"), using="gist")',
          'op.create_primary_key("pk", "t", ["id"])',
          'op.drop_constraint("fk", "t", type_="foreignkey")',
          'op.rename_table("t", "t2")',
          'op.bulk_insert(sa.table("t2", sa.column("c")), [{"c": 1}, {"c": 2}])',
        ].join('\n'),
      ),
    );
    const [ci, di, fk, ck, ex, pk, dc, rt, ins] = o as any[];
    expect([ci.name, ci.columns, ci.unique, ci.method, ci.concurrent]).toEqual(['ix_t_c', ['c', 'lower(d)'], true, 'gin', true]);
    expect([di.names, di.concurrent, di.ifExists]).toEqual([['ix_t_c'], true, true]);
    expect([fk.constraint, fk.notValid, fk.references, fk.columns]).toEqual(['foreign_key', true, 's.u', ['u_id']]);
    expect([ck.constraint, ck.notValid, ex.constraint, pk.constraint]).toEqual(['check', false, 'exclusion', 'primary_key']);
    expect([dc.kind, dc.name, rt.kind, rt.newName]).toEqual(['drop_constraint', 'fk', 'rename_table', 't2']);
    expect([ins.kind, ins.table, ins.rows]).toEqual(['insert', 't2', 2]);
  });

  it('SQLAlchemy Core statements given to op.execute', () => {
    const o = ops(file('op.execute(t.update().values(a=1))\nop.execute(t.delete().where(t.c.a == 1))\nop.execute(sa.update(t).values(a=2))', 'pass', 't = sa.table("things", sa.column("a"))'));
    expect(o.map((x: any) => [x.kind, x.table, x.hasWhere])).toEqual([['update', 'things', false], ['delete', 'things', true], ['update', 'things', false]]);
  });

  it('SQLAlchemy Core on a table object defined elsewhere: the statement kind is known, the table named as written', () => {
    const body = [
      'op.execute(tables.logentrykind.delete().where(tables.logentrykind.c.name == "x"))',
      'conn = op.get_bind()',
      'for row in conn.execute(users_table.select().where(users_table.c.a == 1).order_by(users_table.c.id).limit(1)):',
      '    conn.execute(queries.update().values(a=1))',
    ].join('\n');
    const o = ops(file(body, 'pass', 'users_table = sa.Table("users", sa.MetaData(), sa.Column("a", sa.Integer))'));
    expect(o.map((x: any) => [x.kind, x.table ?? x.statement, x.hasWhere])).toEqual([
      ['delete', 'tables.logentrykind', true], ['raw', 'Select', undefined], ['update', 'queries', false],
    ]);
  });

  it('counts every operation call', () => {
    const a = loadAlembicFile({ file: 't.py', text: file('op.add_column("t", sa.Column("a", sa.Text()))\nwith op.batch_alter_table("t") as b:\n    b.drop_column("a")', 'op.execute("SELECT 1")') });
    expect(a.opCalls).toBe(4); // add_column, batch_alter_table, drop_column, execute
  });
});

describe('dynamic SQL: reported, never guessed', () => {
  const reason = (up: string, head = '') => {
    const o = ops(file(up, 'pass', head)).filter((x) => x.kind === 'dynamic_sql');
    return o.length ? (o[0] as Extract<Operation, { kind: 'dynamic_sql' }>).reason : null;
  };
  it.each([
    ['op.execute(f"DROP TABLE {t}")', '', /f-string/],
    ['op.execute("DROP TABLE {}".format(t))', '', /format/],
    ['op.execute("DROP TABLE %s" % t)', '', /%-formatting/],
    ['op.execute("DROP TABLE " + t)', '', /\+/],
    ['op.execute(sql)', 'import os\nsql = os.environ["SQL"]', /os\.environ|variable/],
    ['op.execute(sa.text(build()))', '', /build/],
    ['for s in get_statements():\n    op.execute(s)', '', /variable "s"/],
  ])('%s', (up, head, re) => {
    expect(reason(up, head)).toMatch(re);
  });
  it.each([
    ['op.execute(f"DROP TABLE t")', ''],
    ['op.execute(SQL)', 'SQL = "DROP TABLE t"'],
    ['op.execute("DROP TABLE " "t")', ''],
    ['op.execute(sa.text("DROP TABLE t").bindparams())', ''],
    ['op.execute(("DROP TABLE t").strip())', ''],
  ])('static: %s', (up, head) => {
    expect(reason(up, head)).toBeNull();
    expect(kinds(file(up, 'pass', head))).toContain('drop_table');
  });
  it.each([
    ['op.execute(f"DROP TABLE {T}")', 'T = "t"'],
    ['op.execute(f"DROP TABLE {T!s}")', 'T = "t"'],
    ['op.execute(f"DROP TABLE { T }")', 'T = "t"'],
    ['op.execute(F"DROP TABLE {S}.{T}")', 'S = "app"\nT = "t"'],
    ['t = "t"\nop.execute(f"DROP TABLE {t}")', ''],
    ['op.execute(sa.text(f"DROP TABLE {T} " "CASCADE"))', 'T = "t"'],
    ['op.execute(rf"DROP TABLE {T}")', 'T = "t"'],
  ])('an f-string of string constants is static, like + : %s', (up, head) => {
    expect(reason(up, head)).toBeNull();
    const drop = ops(file(up, 'pass', head)).find((o) => o.kind === 'drop_table');
    expect(drop && drop.kind === 'drop_table' && drop.tables[0]).toMatch(/^(app\.)?t$/);
  });
  it('a name assigned again and again is the assignment last before its use, when that surely runs first', () => {
    const seq = [
      'stmt = sa.text("ALTER TABLE a DROP COLUMN x")',
      'stmt = stmt.bindparams()',
      'op.execute(stmt)',
      'stmt = sa.text("DROP TABLE b")',
      'op.execute(stmt)',
    ].join('\n');
    expect(reason(seq)).toBeNull();
    expect(ops(file(seq, 'pass')).map((o) => o.kind)).toEqual(['drop_column', 'drop_table']);
    // an assignment in a branch may not run: the use after the branch is unknown
    expect(reason('stmt = "DROP TABLE a"\nif flag:\n    stmt = "DROP TABLE b"\nop.execute(stmt)')).toMatch(/variable "stmt"/);
    // in a branch, the branch's own assignment; after the loop body assigns again, the next turn is unknown
    expect(reason('stmt = "DROP TABLE a"\nif flag:\n    stmt = "DROP TABLE b"\n    op.execute(stmt)')).toBeNull();
    expect(reason('stmt = "DROP TABLE a"\nfor i in range(3):\n    op.execute(stmt)\n    stmt = "DROP TABLE b"')).toMatch(/variable "stmt"/);
    expect(reason('for i in range(3):\n    stmt = "DROP TABLE a"\n    op.execute(stmt)\n    stmt = "DROP TABLE b"\n    op.execute(stmt)')).toBeNull();
    // a loop target or += is not a plain assignment
    expect(reason('stmt = "DROP TABLE a"\nstmt += " CASCADE"\nop.execute(stmt)')).toMatch(/variable "stmt"/);
  });
  it('an f-string field with !r is the quoted value', () => {
    const o = ops(file('op.execute(f"UPDATE users SET note = {V!r}")', 'pass', 'V = "x"'));
    expect(o.map((x) => x.kind)).toEqual(['update']);
  });
  it.each([
    ['op.execute(f"DROP TABLE {T:>10}")', 'T = "t"'],
    ['op.execute(f"DROP TABLE {T.lower()}")', 'T = "t"'],
    ['op.execute(f"DROP TABLE {T=}")', 'T = "t"'],
    ['op.execute(f"DROP TABLE t{N}")', 'N = 5'],
    ['op.execute(f"UPDATE users SET note = {V!r}")', 'V = "it\'s"'],
    ['op.execute(f"DROP TABLE {T}")', 'T = "a"\nT = "b"'],
    ['op.execute(f"DROP TABLE {T}")', 'T = os.environ["T"]'],
    ['op.execute(t"DROP TABLE {T}")', 'T = "t"'],
    ['op.execute(f"DROP TABLE {T} {u}")', 'T = "t"'],
  ])('an f-string with anything else stays dynamic: %s', (up, head) => {
    expect(reason(up, head)).toMatch(/f-string|variable/);
  });
  it('SQL from an f-string of constants is reported inside the string; the constant\'s part at its name', () => {
    const text = file('op.execute(f"SET lock_timeout = \'1s\'; ALTER TABLE {T} DROP COLUMN a")', 'pass', 'T = "users"');
    const r = lintPython(text);
    const [f] = expectFindings(r, 'drop-column', 1);
    expect(f!.message).toContain('"users"');
    expect(r.at(f!)).toEqual(pos(text, 'ALTER TABLE {T}'));
    expectClean(r, 'dynamic-sql');
  });
  it('dynamic-sql findings can be suppressed like any other', () => {
    expectClean(lintPython(file('op.execute(f"ANALYZE {t}")  # migsafe-ignore dynamic-sql -- reviewed')), 'dynamic-sql');
  });
  it('bind parameters are masked without moving offsets; casts are kept', () => {
    expect(maskBindParams("SELECT :id, x::int, '10:30', :a_b")).toBe("SELECT $1 , x::int, '10:30', $1  ");
  });
});

describe('ignore comments in Python', () => {
  it('a comment above the with statement covers the whole batch block', () => {
    const r = lintPython(file('# migsafe-ignore drop-column -- both unused since r42\nwith op.batch_alter_table("t") as b:\n    b.drop_column("x")\n    b.drop_column("y")'));
    expectClean(r, 'drop-column');
    expectClean(r, 'unused-ignore');
  });
  it('a trailing comment covers the call on its line only', () => {
    const r = lintPython(file('op.drop_column("t", "x")  # migsafe-ignore drop-column -- unused\nop.drop_column("t", "y")'));
    expect(expectFindings(r, 'drop-column', 1)[0]!.message).toContain('"y"');
  });
  it('a file-scope ignore is used if either direction needs it, and reported unused once otherwise', () => {
    const used = lintPython(file('op.add_column("t", sa.Column("x", sa.Text()))', 'op.drop_column("t", "x")', '# migsafe-ignore-file downgrade-data-loss -- fine'));
    expectClean(used, 'unused-ignore');
    expectClean(used, 'downgrade-data-loss');
    const unused = lintPython(file('pass', 'pass', '# migsafe-ignore-file drop-table -- nothing'));
    expectFindings(unused, 'unused-ignore', 1);
  });
  it('malformed and unknown-rule ignores are reported once, even with two directions', () => {
    expectFindings(lintPython(file('pass', 'pass', '# migsafe-ignore-file drop-colum -- typo')), 'invalid-ignore', 1);
    expectFindings(lintPython(file('op.drop_column("t", "x")  # migsafe-ignore drop-column')), 'invalid-ignore', 1);
  });
  it('an ignore above `def downgrade():` covers irreversible-downgrade', () => {
    const text = `def upgrade():\n    op.drop_column("t", "x")  # migsafe-ignore drop-column -- unused\n\n\n# migsafe-ignore irreversible-downgrade -- one-way by design\ndef downgrade():\n    pass\n`;
    const r = lintPython(text);
    expectClean(r, 'irreversible-downgrade');
    expectClean(r, 'unused-ignore');
  });
});

describe('Python syntax errors tree-sitter parses without an ERROR node', () => {
  const head = 'from alembic import op\nrevision = "q2"\ndown_revision = "q1"\n\n';
  // [source, the line CPython's ast.parse reports (null: valid), the start of its message]
  const CASES: [string, number | null, string][] = [
    ['def upgrade():\n    op.drop_column("users", "e")\n    print "hello"\n    op.drop_column("users", "f")\n', 3, 'Missing parentheses'],
    ['def upgrade():\n    exec "x = 1"\n', 2, 'Missing parentheses'],
    ['def upgrade():\n  op.drop_column("users", "g")\n    op.drop_column("users", "h")\n', 3, 'unexpected indent'],
    ['def upgrade():\n    op.add_column("t", c)\n        op.drop_column("users", "a")\n', 3, 'unexpected indent'],
    ['def upgrade():\n        op.drop_column("t", "a")\n    op.drop_column("t", "b")\n', 3, 'unindent does not match'],
    ['def upgrade():\n    if x:\n        a()\n      b()\n', 4, 'unindent does not match'],
    ['if x:\n    a()\n  else:\n    b()\n', 3, 'unindent does not match'],
    ['def upgrade():\n    if x: a()\n        b()\n', 3, 'unexpected indent'],
    ['def upgrade():\n    @dec\n      def g(): pass\n', 3, 'unexpected indent'],
    ['def upgrade():\n\ta()\n        b()\n', 3, 'inconsistent use of tabs'],
    ['def upgrade():\npass\n', 2, 'expected an indented block'],
    ['  x = 1\n', 1, 'unexpected indent'],
    ['import sqlalchemy asop\n', 1, 'invalid syntax'],
    ['def upgrade():\n    x =\n    op.drop_column("users", "name")\n', 2, 'invalid syntax'],
    ['def upgrade():\n    op.drop_column("users", "a") +\n    1\n', 2, 'invalid syntax'],
    ['def upgrade():\n    sql = "a"\n    "b"\n    return sql\n', null, ''],
    ['def upgrade():\n    return\n    x\n', null, ''],
    // valid: no finding
    ['def upgrade():\n    (a,\n     b) = c = [1,\n  2]\n    x = d[\n        1]\n    from a import (b,\n  c)\n    e = f(g for g in\n        h)\n    s = ("a"\n  "b")\n    t = {\n  1: 2}\n', null, ''],
    ['def upgrade():\n    print >>sys.stderr, "x"\n    print("x")\n    print -1\n', null, ''],
    ['def upgrade():\n    a(); b()\n    x = (1,\n  2)\n    y = 1 + \\\n  2\n    """doc\n  x"""\n    # c\n        # d\n    c()\n', null, ''],
    ['def upgrade():\n    x = 1; \\\n  y = 2\n    z = 1  # a comment \\\n    w = 2\n', null, ''],
    ['def upgrade():\n\tif x:\n\t\ta()\n\telse:\n\t\tb()\n\f\tc()\n', null, ''],
    ['class A:\n    @property\n    def x(self): pass\n\n    def y(self):\n        if a: pass\n        elif b: pass\n        else: pass\n', null, ''],
  ];

  const python = '/usr/bin/python3';
  it.skipIf(!existsSync(python))('the expected lines are what CPython reports', () => {
    const script = 'import ast, json, sys\nout = []\nfor s in json.load(sys.stdin):\n    try:\n        ast.parse(s); out.append(None)\n    except SyntaxError as e:\n        out.append([e.lineno, e.msg])\nprint(json.dumps(out))';
    const r = spawnSync(python, ['-c', script], { input: JSON.stringify(CASES.map(([src]) => head + src)), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const theirs: ([number, string] | null)[] = JSON.parse(r.stdout);
    const offset = head.split('\n').length - 1;
    CASES.forEach(([src, line, msg], i) => {
      expect(theirs[i] && [theirs[i]![0] - offset, theirs[i]![1].slice(0, msg.length)], src).toEqual(line === null ? null : [line, msg]);
    });
  });

  it.each(CASES.map(([src, line, msg]) => [src, line, msg] as const))('%j', (src, line, msg) => {
    const text = head + src;
    const r = lintPython(text);
    const a = loadAlembicFile({ file: 't.py', text });
    const offset = head.split('\n').length - 1;
    if (line === null) {
      expectClean(r, 'syntax-error');
      expect(a.syntaxErrors).toBe(0);
      return;
    }
    const [f] = expectFindings(r, 'syntax-error');
    expect(r.at(f!).line - offset).toBe(line);
    expect(f!.message).toContain(msg);
    expect(a.syntaxErrors).toBeGreaterThan(0);
  });

  it('the ops around the error are still read; irreversible-downgrade is not guessed', () => {
    const r = lintPython(`${head}def upgrade():\n  op.drop_column("users", "g")\n    op.drop_column("users", "h")\n\ndef downgrade():\n    pass\n`);
    expectFindings(r, 'drop-column', 2);
    expectFindings(r, 'syntax-error', 1);
    expectClean(r, 'irreversible-downgrade');
  });
});

describe('ignore comments in op.execute SQL', () => {
  const exec = (...sql: string[]) => `op.execute("""\n${sql.join('\n')}\n""")`;

  it('a -- migsafe-ignore line covers the next statement of the string, at its line in the .py file', () => {
    const text = file(exec('-- migsafe-ignore drop-column -- sql comment inside string', 'ALTER TABLE users DROP COLUMN m;', 'ALTER TABLE users DROP COLUMN n;'));
    const r = lintPython(text);
    expect(expectFindings(r, 'drop-column', 1)[0]!.message).toContain('"n"');
    const sup = r.findings.find((f) => f.rule === 'drop-column' && f.suppressed)!;
    expect(sup.suppressed!.reason).toBe('sql comment inside string');
    expect(r.at(sup)).toEqual(pos(text, 'ALTER TABLE users DROP COLUMN m'));
    expect(r.alembic.upgrade.source.sliceBytes(sup.suppressed!.directive.start, sup.suppressed!.directive.end)).toBe('-- migsafe-ignore drop-column -- sql comment inside string');
    expectClean(r, 'unused-ignore');
  });

  it('a trailing SQL comment covers its statement; sa.text() bind parameters do not garble the reason', () => {
    const trailing = lintPython(file('op.execute("ALTER TABLE users DROP COLUMN m -- migsafe-ignore drop-column -- same line")'));
    expectClean(trailing, 'drop-column');
    const text = file('op.execute(sa.text("-- migsafe-ignore unbatched-backfill -- ticket :t42\\nUPDATE users SET a = :v"))');
    const r = lintPython(text);
    expectClean(r, 'unbatched-backfill');
    expect(r.findings.find((f) => f.rule === 'unbatched-backfill')!.suppressed!.reason).toBe('ticket :t42');
  });

  it('malformed, unknown-rule and unused ignores in SQL strings are reported where they are written', () => {
    const text = file(exec('-- migsafe-ignore drop-column', 'ALTER TABLE users DROP COLUMN m;', '-- migsafe-ignore drop-colum -- typo', 'ALTER TABLE users DROP COLUMN n;', '-- migsafe-ignore drop-table -- unused', 'ALTER TABLE users DROP COLUMN o;'));
    const r = lintPython(text);
    expectFindings(r, 'drop-column', 3);
    const invalid = expectFindings(r, 'invalid-ignore', 2);
    expect(invalid.map((f) => r.at(f))).toEqual([pos(text, '-- migsafe-ignore drop-column'), pos(text, '-- migsafe-ignore drop-colum -- typo')]);
    const [u] = expectFindings(r, 'unused-ignore', 1);
    expect(r.at(u!)).toEqual(pos(text, '-- migsafe-ignore drop-table'));
  });

  it('a malformed SQL ignore silences nothing, and an SQL ignore never reaches past its string', () => {
    const r = lintPython(file(`${exec('-- migsafe-ignore -- everything', 'ALTER TABLE users DROP COLUMN m;')}
op.drop_column("users", "n")`));
    expectFindings(r, 'drop-column', 2);
    expectFindings(r, 'invalid-ignore', 1);
    const past = lintPython(file(`${exec('ALTER TABLE users DROP COLUMN m;', '-- migsafe-ignore drop-column -- for the next call')}
op.drop_column("users", "n")`));
    expectFindings(past, 'drop-column', 2);
    expect(expectFindings(past, 'invalid-ignore', 1)[0]!.messageId).toBe('noTarget');
  });

  it('inside a DO block in op.execute', () => {
    const r = lintPython(file(exec('DO $$', 'BEGIN', '  -- migsafe-ignore drop-column -- guarded', '  ALTER TABLE users DROP COLUMN m;', '  ALTER TABLE users DROP COLUMN n;', 'END $$;')));
    expect(expectFindings(r, 'drop-column', 1)[0]!.message).toContain('"n"');
    expectClean(r, 'unused-ignore');
  });

  it('an SQL constant executed in both directions or in a loop is one ignore, counted once, reported where it is written', () => {
    const head = 'SQL = """\n-- migsafe-ignore require-lock-timeout -- the runner sets it\nDROP TABLE t;\n"""\nBAD = """\n-- migsafe-ignore drop-column -- nothing to drop here\n-- migsafe-ignore drop-colum -- typo\nSELECT 1;\n"""';
    const text = file('op.execute(SQL)\nop.execute(BAD)', 'op.execute(SQL)\nop.execute(BAD)', head);
    const r = lintPython(text);
    expectClean(r, 'require-lock-timeout');
    expect(r.findings.filter((f) => f.rule === 'require-lock-timeout' && f.suppressed).map((f) => f.direction).sort()).toEqual(['downgrade', 'upgrade']);
    const [u] = expectFindings(r, 'unused-ignore', 1);
    expect(r.at(u!)).toEqual(pos(text, '-- migsafe-ignore drop-column'));
    const [i] = expectFindings(r, 'invalid-ignore', 1);
    expect(r.at(i!)).toEqual(pos(text, '-- migsafe-ignore drop-colum -- typo'));
    const loop = lintPython(file('for t in ("a", "b"):\n    op.execute(BAD)', 'pass', head));
    expectFindings(loop, 'unused-ignore', 1);
    expectFindings(loop, 'invalid-ignore', 1);
  });

  it('an ignore in a constant of several statements is invalid: they are all reported where the constant is used', () => {
    const tail = '\n\nSQL = """\n-- migsafe-ignore drop-column -- the first only\nALTER TABLE users DROP COLUMN a;\nALTER TABLE users DROP COLUMN b;\n"""\n';
    const r = lintPython(file('op.execute(SQL)') + tail);
    expectFindings(r, 'drop-column', 2);
    expect(expectFindings(r, 'invalid-ignore', 1)[0]!.message).toMatch(/cannot be told apart/);
    // one statement (the constant defined after the functions): the ignore covers it
    const one = lintPython(file('op.execute(SQL)') + tail.replace('ALTER TABLE users DROP COLUMN b;\n', ''));
    expectClean(one, 'drop-column');
    expectClean(one, 'invalid-ignore');
    const after = lintPython(file('op.execute(SQL)') + tail.replace('-- migsafe-ignore drop-column -- the first only\nALTER TABLE users DROP COLUMN a;\nALTER TABLE users DROP COLUMN b;', 'ALTER TABLE users DROP COLUMN a;\n-- migsafe-ignore drop-column -- after it'));
    expectFindings(after, 'drop-column', 1);
    expect(expectFindings(after, 'invalid-ignore', 1)[0]!.messageId).toBe('noTarget');
  });

  it('a file-wide ignore in an SQL string covers both functions; Python ignores around op.execute still work', () => {
    const r = lintPython(file(`${exec('-- migsafe-ignore-file drop-table -- test tables', 'DROP TABLE t;')}`, 'op.drop_table("u")'));
    expectClean(r, 'drop-table');
    expectClean(r, 'unused-ignore');
    const py = lintPython(file(`# migsafe-ignore drop-column -- above the call\n${exec('ALTER TABLE users DROP COLUMN m;')}\nop.execute("ALTER TABLE users DROP COLUMN n")  # migsafe-ignore drop-column -- same line`));
    expectClean(py, 'drop-column');
    expectClean(py, 'unused-ignore');
  });
});

describe('irreversible-downgrade shapes', () => {
  it.each([
    ['missing', 'def upgrade():\n    op.drop_column("t", "x")\n'],
    ['empty', file('op.drop_column("t", "x")', '"""nothing"""\n...')],
    ['raises', file('op.drop_column("t", "x")', 'raise NotImplementedError')],
  ])('%s', (messageId, text) => {
    const [f] = expectFindings(lintPython(text), 'irreversible-downgrade', 1);
    expect(f!.messageId).toBe(messageId);
    expect(f!.direction).toBe('downgrade');
  });
  it('an empty downgrade of an empty upgrade (a merge revision) is fine', () => {
    expectClean(lintPython(file('pass', 'pass')), 'irreversible-downgrade');
  });
});

describe('revision header', () => {
  it('reads revision, a merge tuple, branch labels, depends_on and the message', () => {
    const a = loadAlembicFile({
      file: 't.py',
      text: '"""merge heads\n\nRevision ID: m1\n"""\nrevision: str = "m1"\ndown_revision = ("a", "b")\nbranch_labels = ("feature",)\ndepends_on = "c"\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n',
    });
    expect(a.revision).toMatchObject({ revision: 'm1', downRevisions: ['a', 'b'], branchLabels: ['feature'], dependsOn: ['c'], message: 'merge heads' });
  });
  it('a computed header is flagged as not literal, not guessed', () => {
    const a = loadAlembicFile({ file: 't.py', text: 'revision = make_id()\ndown_revision = None\ndef upgrade():\n    pass\n' });
    expect(a.revision.revision).toBeNull();
    expect(a.revision.problems[0]).toMatch(/not a literal/);
  });
});
