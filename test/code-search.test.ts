/**
 * contract-still-referenced: what the code search finds (and does not), against real temporary
 * git repositories — SQLAlchemy models per class, Core Table(), raw SQL per string literal,
 * config-relative globs, migration folders left out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import { UsageError } from '../src/errors.js';
import type { Finding } from '../src/engine/finding.js';
import { referenceLines } from '../src/release/references.js';
import { testConfig, ready } from './helpers.js';
import { makeRepo, type TestRepo } from './git-helpers.js';
import { hasStack, migsafe } from './cli-helpers.js';

beforeAll(async () => {
  await ready;
});

const USERS = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy text);\n';

/** A repo whose main has the users table, on a feature branch. */
async function repoWith(files: Record<string, string> = {}): Promise<TestRepo> {
  const repo = await makeRepo();
  await repo.commit({ 'db/migrations/001_create_users.sql': USERS, ...files }, 'v1');
  await repo.git.checkoutLocalBranch('feature');
  return repo;
}

const lintRepo = (repo: TestRepo, paths = ['db/migrations']) =>
  lint({ paths, cwd: repo.dir, config: testConfig({ root: repo.dir }), changeset: { base: 'main' } });

const stillReferenced = (r: Awaited<ReturnType<typeof lint>>) => r.findings.filter((f) => !f.suppressed && f.rule === 'contract-still-referenced');
/** The `file:line` list of the HEAD-side finding (none: []). */
const headRefs = (fs: Finding[]) => {
  const f = fs.find((x) => x.messageId === 'head');
  return f ? String(f.data.refs).split(', ') : [];
};

describe('SQLAlchemy models and Core tables', () => {
  it('an ORM attribute belongs to the class it is in: dropping users.email does not report Order.email', async () => {
    const repo = await repoWith();
    await repo.commit({
      'app/models.py': [
        'class User(Base):', //                                   1
        '    __tablename__ = "users"', //                         2
        '    id = Column(BigInteger, primary_key=True)', //       3
        '    email = Column(Text)', //                            4
        '', //                                                    5
        'class Order(Base):', //                                  6
        '    __tablename__ = "orders"', //                        7
        '    email: Mapped[str] = mapped_column(Text)', //        8
        '    legacy = Column("email", Text)', //                  9: the orders.email column too
        '',
      ].join('\n'),
      'db/migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n',
    }, 'drop users.email');
    const refs = stillReferenced(await lintRepo(repo));
    expect(refs.map((f) => f.messageId)).toEqual(['head']);
    expect(headRefs(refs)).toEqual(['app/models.py:4']);
  });

  it('Core: Column("x") inside Table("t", …) counts for t, on one line or several, and not for another table', async () => {
    const repo = await repoWith();
    await repo.commit({
      'app/tables.py': [
        'import sqlalchemy as sa', //                                                    1
        'metadata = sa.MetaData()', //                                                   2
        'users = sa.Table("users", metadata, sa.Column("legacy", sa.Text))', //          3
        'orders = sa.Table(', //                                                         4
        '    "orders", metadata,', //                                                    5
        '    sa.Column("legacy", sa.Text),', //                                          6
        ')', //                                                                          7
        '',
      ].join('\n'),
      'app/reports.py': [
        'from sqlalchemy import Column, MetaData, Table, Text', //                       1
        'accounts = Table(', //                                                          2
        '    "users",', //                                                               3
        '    MetaData(),', //                                                            4
        '    Column("legacy", Text),', //                                                5
        ')', //                                                                          6
        '',
      ].join('\n'),
      'db/migrations/002_drop_legacy.sql': 'ALTER TABLE users DROP COLUMN legacy;\n',
    }, 'drop users.legacy');
    expect(headRefs(stillReferenced(await lintRepo(repo)))).toEqual(['app/reports.py:5', 'app/tables.py:3']);
  });
});

describe('raw SQL', () => {
  const QUERIES = [
    'A = "SELECT id FROM public.users WHERE id = %s"', //   1
    'B = \'SELECT 1 FROM "public"."users"\'', //             2
    'C = "SELECT 1 FROM analytics.users"', //               3: another schema's users
    'D = "SELECT 1 FROM users_archive"', //                 4: another table
    'E = "SELECT 1 FROM users"', //                         5
    '',
  ].join('\n');

  it('a schema-qualified name in the code matches a dropped table "users"', async () => {
    const repo = await repoWith({ 'app/queries.py': QUERIES });
    await repo.commit({ 'db/migrations/002_drop_users.sql': 'DROP TABLE users;\n' }, 'drop users');
    // an unqualified target: any schema's users may be the one on the search_path
    expect(headRefs(stillReferenced(await lintRepo(repo)))).toEqual(['app/queries.py:1', 'app/queries.py:2', 'app/queries.py:3', 'app/queries.py:5']);
  });

  it('a target given as public.users matches public.users and users, not analytics.users', async () => {
    const repo = await repoWith({ 'app/queries.py': QUERIES });
    await repo.commit({ 'db/migrations/002_drop_users.sql': 'DROP TABLE public.users;\n' }, 'drop public.users');
    expect(headRefs(stillReferenced(await lintRepo(repo)))).toEqual(['app/queries.py:1', 'app/queries.py:2', 'app/queries.py:5']);
  });

  it('a query spread over the lines of a string is found; the same column in another table\'s query is not', async () => {
    const repo = await repoWith();
    await repo.commit({
      'app/queries.py': [
        'LEGACY = """', //                                                            1
        '    SELECT id, legacy', //                                                   2
        '    FROM users', //                                                          3
        '    WHERE id = %s', //                                                       4
        '"""', //                                                                     5
        'OTHER = """', //                                                             6
        '    SELECT id, legacy', //                                                   7: orders.legacy
        '    FROM orders', //                                                         8
        '"""', //                                                                     9
        '# it\'s the orders one below', //                                            10
        'JOINED = ("SELECT u.id, o.legacy "', //                                      11: o is orders
        '          "FROM users u JOIN orders o ON o.user_id = u.id")', //             12
        'SPLIT = ("SELECT id, legacy "', //                                           13
        '         "FROM users")', //                                                  14
        'BIND = f"UPDATE users SET note = {legacy}, other = :legacy"', //             15: parameters, not the column
        '',
      ].join('\n'),
      'db/migrations/002_drop_legacy.sql': 'ALTER TABLE users DROP COLUMN legacy;\n',
    }, 'drop users.legacy');
    expect(headRefs(stillReferenced(await lintRepo(repo)))).toEqual(['app/queries.py:2', 'app/queries.py:13']);
  });

  it('lists up to 10 references in the JSON output, then counts the rest', async () => {
    const repo = await repoWith();
    const lines = Array.from({ length: 12 }, (_, i) => `Q${i + 1} = "SELECT email FROM users WHERE id = %s"`);
    await repo.commit({ 'app/queries.py': lines.join('\n') + '\n', 'db/migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n' }, 'drop');
    const r = migsafe(['lint', 'db/migrations', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).findings.find((x: any) => x.rule === 'contract-still-referenced');
    const shown = Array.from({ length: 10 }, (_, i) => `app/queries.py:${i + 1}`).join(', ');
    expect(f.message).toContain(`${shown} and 2 more`);
  });
});

describe('referenceLines (one file)', () => {
  const legacy = { table: 'users', schema: null, column: 'legacy' };
  it('reads template literals and skips comments in other languages', () => {
    const ts = "// don't: SELECT legacy FROM users\nconst q = `\n  SELECT legacy\n  FROM users`;\n/* FROM users legacy */\n";
    expect(referenceLines('app/q.ts', ts, legacy)).toEqual([3]);
  });
  it('a mapped_column("x") under another attribute name is the column x; x = Column("y") is not', () => {
    const py = 'class User(Base):\n    __tablename__ = "users"\n    old: Mapped[str] = mapped_column("legacy")\n    legacy = Column("legacy_v2", Text)\n';
    expect(referenceLines('app/m.py', py, legacy)).toEqual([3]);
  });
  it('ForeignKey("t.c") uses the column and the table', () => {
    const py = 'class Note(Base):\n    __tablename__ = "notes"\n    user_legacy = Column(ForeignKey("users.legacy"))\n';
    expect(referenceLines('app/m.py', py, legacy)).toEqual([3]);
    expect(referenceLines('app/m.py', py, { table: 'users', schema: null, column: null })).toEqual([3]);
  });
});

describe('where the search looks', () => {
  it('codeSearch globs are relative to the directory of the config file', async () => {
    const repo = await makeRepo();
    await repo.commit({
      'svc-a/migsafe.config.json': JSON.stringify({ codeSearch: { include: ['app/**/*.py'] } }),
      'svc-a/db/migrations/001_create_users.sql': USERS,
      'svc-a/app/queries.py': 'Q = "SELECT email FROM users"\n',
      // another service's app/ at the repository root: not what svc-a's config means
      'app/queries.py': 'Q = "SELECT email FROM users"\n',
    }, 'v1');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'svc-a/db/migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n' }, 'drop');
    const r = migsafe(['lint', 'db/migrations', '--base', 'main', '--format', 'json'], { cwd: `${repo.dir}/svc-a` });
    expect(r.stderr).toBe('');
    const fs = JSON.parse(r.stdout).findings.filter((x: any) => x.rule === 'contract-still-referenced');
    expect(fs.map((f: any) => f.message.match(/still uses users\.email: (.*?)\. /)[1])).toEqual(['svc-a/app/queries.py:1', 'svc-a/app/queries.py:1']);
  });

  it('a codeSearch glob outside the config file\'s directory is a config error naming the key and the file, exit 2', async () => {
    for (const [codeSearch, key] of [
      [{ include: ['app/**/*.py', '../outside/**'] }, 'codeSearch.include[1]'],
      [{ exclude: ['/abs/**'] }, 'codeSearch.exclude[0]'],
    ] as const) {
      const repo = await repoWith({ 'migsafe.config.json': JSON.stringify({ codeSearch }) });
      await repo.commit({ 'db/migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n' }, 'drop');
      const r = migsafe(['lint', 'db/migrations', '--base', 'main'], { cwd: repo.dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^migsafe: error: .*migsafe\\.config\\.json: ${key.replace(/[.[\]]/g, '\\$&')}: "`));
      expect(hasStack(r.stderr)).toBe(false);
    }
  });

  it('a pathspec git refuses (from the API, past config validation) is a UsageError naming it', async () => {
    const repo = await repoWith();
    await repo.commit({ 'db/migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n' }, 'drop');
    const run = lint({
      paths: ['db/migrations'], cwd: repo.dir, config: testConfig({ root: repo.dir }),
      changeset: { base: 'main', codeSearch: { include: ['../outside/**'], exclude: [] } },
    });
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(/pathspec ":\(glob\)\.\.\/outside\/\*\*".*outside repository/);
  });

  it('released migration folders that are not parsed are not searched (Alembic version_locations)', async () => {
    const rev = (id: string, down: string | null, upgrade: string) =>
      `"""${id}"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "${id}"\ndown_revision = ${down ? `"${down}"` : 'None'}\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    ${upgrade}\n\n\ndef downgrade():\n    pass\n`;
    const repo = await makeRepo();
    await repo.commit({
      'alembic.ini': '[alembic]\nscript_location = dbmig\nversion_locations = dbmig/v1 dbmig/v2\n',
      'dbmig/v1/a1.py': rev('a1', null, 'op.execute("UPDATE users SET legacy = \'x\' WHERE legacy IS NULL")'),
      'app/queries.py': 'Q = "SELECT legacy FROM users"\n',
    }, 'v1');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'dbmig/v2/b2.py': rev('b2', 'a1', 'op.drop_column("users", "legacy")') }, 'drop users.legacy');
    const r = await lintRepo(repo, ['.']);
    expect(r.migrations.map((m) => m.file)).toEqual(['dbmig/v2/b2.py', 'dbmig/v2/b2.py']);
    const refs = stillReferenced(r);
    expect(refs.map((f) => f.messageId)).toEqual(['head', 'release']);
    for (const f of refs) expect(String(f.data.refs)).toBe('app/queries.py:1');
  });
});
