/**
 * Cross-release rules in real git repositories: apply order (revision graph, numeric versions),
 * separate histories, the base branch moving on, what --staged reads, and release selection.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import { ready, testConfig } from './helpers.js';
import { makeRepo, type TestRepo } from './git-helpers.js';
import { migsafe, tmp } from './cli-helpers.js';

beforeAll(async () => {
  await ready;
});

type Result = Awaited<ReturnType<typeof lint>>;
const active = (r: Result) => r.findings.filter((f) => !f.suppressed);
const rulesOf = (r: Result) => active(r).map((f) => `${f.rule}@${f.file.split('/').pop()}`).sort();
const lintRepo = (repo: TestRepo, paths: string[], changeset: Parameters<typeof lint>[0]['changeset'], config = {}) =>
  lint({ paths, cwd: repo.dir, config: testConfig({ root: repo.dir, rules: { 'require-lock-timeout': 'off' }, ...config }), changeset });

const INI = '[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://localhost/app\n';
/** An Alembic revision file; `down` is one id, a merge tuple, or null. */
const rev = (id: string, down: string | string[] | null, upgrade: string) =>
  `"""${id}"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "${id}"\ndown_revision = ${
    down === null ? 'None' : Array.isArray(down) ? `(${down.map((d) => `"${d}"`).join(', ')})` : `"${down}"`
  }\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n${upgrade}\n\n\ndef downgrade():\n    pass\n`;
const USERS = rev('r0', null, '    op.create_table("users", sa.Column("id", sa.BigInteger(), primary_key=True), sa.Column("email", sa.Text()))');

async function alembicRepo(): Promise<TestRepo> {
  const repo = await makeRepo();
  await repo.commit({ 'alembic.ini': INI, 'migrations/versions/r0_users.py': USERS }, 'users');
  await repo.git.checkoutLocalBranch('feature');
  return repo;
}

describe('apply order, not file-name order', () => {
  it('Alembic: follows down_revision, whatever the file names', async () => {
    const repo = await alembicRepo();
    await repo.commit({
      // applied first (down r0), but its name sorts last
      'migrations/versions/ff00_add.py': rev('rff00', 'r0', '    op.add_column("users", sa.Column("email_address", sa.Text()))\n    op.execute("UPDATE users SET email_address = email")'),
      'migrations/versions/aa00_drop.py': rev('raa00', 'rff00', '    op.drop_column("users", "email")'),
    }, 'rename email over two revisions');
    const r = await lintRepo(repo, ['.'], { base: 'main' });
    const f = active(r).filter((x) => x.rule === 'contract-same-release');
    expect(f.map((x) => x.file)).toEqual(['migrations/versions/aa00_drop.py']);
    expect(f[0]!.message).toContain('ff00_add.py');
  });

  it('Alembic: a drop applied before an unrelated expand is not reported', async () => {
    const repo = await alembicRepo();
    await repo.commit({
      'migrations/versions/zz_first_drop.py': rev('rA', 'r0', '    op.drop_column("users", "email")'),
      'migrations/versions/aa_second_add.py': rev('rB', 'rA', '    op.add_column("users", sa.Column("nick", sa.Text()))'),
    }, 'drop, then add');
    const r = await lintRepo(repo, ['.'], { base: 'main' });
    expect(rulesOf(r)).not.toContain('contract-same-release@zz_first_drop.py');
    expect(rulesOf(r)).toContain('drop-column@zz_first_drop.py');
  });

  it('SQL: versions compare as numbers (2 before 10)', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'db/1_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n' }, 'users');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'db/2_add.sql': 'ALTER TABLE users ADD COLUMN email_address text;\n', 'db/10_drop.sql': 'ALTER TABLE users DROP COLUMN email;\n' }, 'two steps');
    const r = await lintRepo(repo, ['db'], { base: 'main' });
    expect(active(r).filter((x) => x.rule === 'contract-same-release').map((x) => x.file)).toEqual(['db/10_drop.sql']);
  });

  it('a migration file given on its own keeps its directory as context, and only it is reported', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'db/001_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n' }, 'users');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'db/002_add.sql': 'ALTER TABLE users ADD COLUMN email_address text;\n', 'db/003_drop.sql': 'ALTER TABLE users DROP COLUMN email;\n' }, 'two steps');
    const r = await lintRepo(repo, ['db/003_drop.sql'], { base: 'main' });
    expect(rulesOf(r)).toContain('contract-same-release@003_drop.sql');
    expect([...new Set(r.findings.map((f) => f.file))]).toEqual(['db/003_drop.sql']);
    expect(r.migrations.map((m) => m.file)).toEqual(['db/003_drop.sql']);
  });

  it('an Alembic revision given on its own brings its project as context; only it is reported', async () => {
    const repo = await alembicRepo();
    await repo.commit({
      'migrations/versions/b2_add.py': rev('b2', 'r0', '    op.add_column("users", sa.Column("email_address", sa.Text()))'),
      'migrations/versions/c3_drop.py': rev('c3', 'b2', '    op.drop_column("users", "email")'),
    }, 'two revisions');
    const r = await lintRepo(repo, ['migrations/versions/c3_drop.py'], { base: 'main' });
    expect(rulesOf(r)).toContain('contract-same-release@c3_drop.py');
    expect([...new Set(r.findings.map((f) => f.file))]).toEqual(['migrations/versions/c3_drop.py']);
  });

  it('two migration directories are two histories: they never constrain each other', async () => {
    const repo = await makeRepo();
    const users = 'CREATE TABLE users (id bigint PRIMARY KEY, legacy text);\n';
    await repo.commit({ 'svc-a/db/001.sql': users, 'svc-b/db/001.sql': users }, 'two services');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'svc-a/db/002.sql': 'ALTER TABLE users ADD COLUMN nick text;\n', 'svc-b/db/002.sql': 'ALTER TABLE users DROP COLUMN legacy;\n' }, 'both');
    const r = await lintRepo(repo, ['svc-a/db', 'svc-b/db'], { base: 'main' });
    expect(rulesOf(r)).not.toContain('contract-same-release@002.sql');
    expect(rulesOf(r)).toContain('drop-column@002.sql');
  });
});

describe('contract of an object from the same unreleased changeset', () => {
  it('is info, and the per-file findings on it are suppressed with the reason, so the run passes', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'db/001_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n' }, 'users');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({
      'db/002_staging.sql': 'CREATE TABLE staging (id bigint);\nALTER TABLE users ADD COLUMN scratch text;\n',
      'db/003_cleanup.sql': 'DROP TABLE staging;\nALTER TABLE users DROP COLUMN scratch;\n',
    }, 'created and dropped');
    const r = await lintRepo(repo, ['db'], { base: 'main' });
    expect(active(r).filter((f) => f.file === 'db/003_cleanup.sql').map((f) => `${f.rule}:${f.severity}`)).toEqual(['contract-same-release:info', 'contract-same-release:info']);
    const hidden = r.findings.filter((f) => f.suppressed && f.file === 'db/003_cleanup.sql');
    expect(hidden.map((f) => f.rule).sort()).toEqual(['drop-column', 'drop-table']);
    expect(hidden[0]!.suppressed!.reason).toMatch(/created in db\/002_staging.sql, which is not released yet/);
    expect(migsafe(['lint', 'db', '--base', 'main'], { cwd: repo.dir }).code).toBe(0);
  });

  it('SET NOT NULL on a column new to a released table is still an error: the released code does not insert it', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'db/001_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n' }, 'users');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({
      'db/002_add.sql': 'ALTER TABLE users ADD COLUMN nick text;\n',
      'db/003_nn.sql': 'ALTER TABLE users ALTER COLUMN nick SET NOT NULL;\n',
    }, 'add then require');
    const r = await lintRepo(repo, ['db'], { base: 'main' });
    const f = active(r).find((x) => x.rule === 'contract-same-release')!;
    expect(f.severity).toBe('error');
    expect(f.file).toBe('db/003_nn.sql');
  });
});

describe('out-of-order-migration (Alembic) against the base branch tip', () => {
  it('flags a revision when the base branch moved on after the branch point, and not once a merge revision joins the heads', async () => {
    const repo = await alembicRepo();
    await repo.commit({ 'migrations/versions/r2_feature.py': rev('r2', 'r0', '    op.add_column("users", sa.Column("a", sa.Text()))') }, 'r2');
    await repo.git.checkout('main');
    await repo.commit({ 'migrations/versions/r3_main.py': rev('r3', 'r0', '    op.add_column("users", sa.Column("b", sa.Text()))') }, 'r3 lands on main');
    await repo.git.checkout('feature');
    const r = await lintRepo(repo, ['.'], { base: 'main' });
    const f = active(r).filter((x) => x.rule === 'out-of-order-migration');
    expect(f.map((x) => x.file)).toEqual(['migrations/versions/r2_feature.py']);
    expect(f[0]!.message).toContain('the head of main is r3');
    // a merge revision of r3 and r2 (r3 exists only on main) resolves it
    await repo.commit({ 'migrations/versions/rm_merge.py': rev('rm', ['r3', 'r2'], '    pass') }, 'merge heads');
    const after = await lintRepo(repo, ['.'], { base: 'main' });
    expect(active(after).map((x) => x.rule)).not.toContain('out-of-order-migration');
  });
});

describe('--staged reads the index', () => {
  async function sqlRepo(): Promise<TestRepo> {
    const repo = await makeRepo();
    await repo.commit({ 'db/001_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n' }, 'users');
    return repo;
  }

  it('lints the staged content, not the work tree', async () => {
    const repo = await sqlRepo();
    repo.write({ 'db/002.sql': 'ALTER TABLE users DROP COLUMN email;\n' });
    await repo.git.add(['db/002.sql']);
    repo.write({ 'db/002.sql': 'ALTER TABLE users ADD COLUMN nick text;\n' });
    const dangerous = migsafe(['lint', 'db', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(dangerous.code).toBe(1);
    expect(JSON.parse(dangerous.stdout).findings.map((f: any) => f.rule)).toContain('drop-column');

    repo.write({ 'db/002.sql': 'ALTER TABLE users ADD COLUMN nick text;\n' });
    await repo.git.add(['db/002.sql']);
    repo.write({ 'db/002.sql': 'ALTER TABLE users DROP COLUMN email;\n' });
    const safe = migsafe(['lint', 'db', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(JSON.parse(safe.stdout).findings.map((f: any) => f.rule)).not.toContain('drop-column');
    expect(safe.code).toBe(0);
  });

  it('untracked migrations are not part of the commit, so they are not context', async () => {
    const repo = await sqlRepo();
    repo.write({ 'db/002_scratch.sql': 'ALTER TABLE users ADD COLUMN email_address text;\n', 'db/003_drop.sql': 'ALTER TABLE users DROP COLUMN email;\n' });
    await repo.git.add(['db/003_drop.sql']);
    const r = await lintRepo(repo, ['db'], { staged: true });
    expect(rulesOf(r)).not.toContain('contract-same-release@003_drop.sql');
    expect(rulesOf(r)).toContain('drop-column@003_drop.sql');
  });

  it('contract-still-referenced reads the staged code, not unstaged edits of it', async () => {
    const repo = await sqlRepo();
    await repo.commit({ 'app/models.py': 'class User(Base):\n    __tablename__ = "users"\n    email = Column(Text)\n' }, 'models');
    repo.write({ 'db/002.sql': 'ALTER TABLE users DROP COLUMN email;\n' });
    await repo.git.add(['db/002.sql']);
    // the use is removed in the work tree, but that edit is not staged: the commit still has it
    repo.write({ 'app/models.py': 'class User(Base):\n    __tablename__ = "users"\n' });
    const r = await lintRepo(repo, ['db'], { staged: true });
    const f = active(r).find((x) => x.rule === 'contract-still-referenced')!;
    expect(f.message).toContain('app/models.py:3');
    expect(f.message).toContain('in the staged code');
  });

  it('works before the first commit (the hook must not block it)', async () => {
    const repo = await makeRepo();
    repo.write({ 'db/001_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE INDEX users_id ON users (id);\n' });
    await repo.git.add(['db/001_users.sql']);
    const r = migsafe(['lint', 'db', '--staged'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/error/);
  });

  it('an edit to a committed migration with no release configured is a warning that says HEAD only stands in for the release', async () => {
    const repo = await sqlRepo();
    repo.write({ 'db/001_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text, nick text);\n' });
    await repo.git.add(['db/001_users.sql']);
    const guess = await lintRepo(repo, ['db'], { staged: true });
    const f = active(guess).find((x) => x.rule === 'edited-released-migration')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/stands in for the last release because none is configured/);
    await repo.git.addTag('v1');
    const tagged = await lintRepo(repo, ['db'], { staged: true }, { releaseTags: 'v*' });
    expect(active(tagged).find((x) => x.rule === 'edited-released-migration')!.severity).toBe('error');
  });
});

describe('deleted and renamed released migrations', () => {
  it('a released migration deleted or renamed on the branch is edited-released-migration; an unreleased one is not', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'db/001_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n', 'db/002_orders.sql': 'CREATE TABLE orders (id bigint PRIMARY KEY);\n' }, 'v1');
    await repo.git.addTag('v1');
    await repo.commit({ 'db/003_wip.sql': 'CREATE TABLE wip (id bigint);\n' }, 'unreleased');
    await repo.git.checkoutLocalBranch('feature');
    await repo.git.raw(['rm', '-q', 'db/002_orders.sql', 'db/003_wip.sql']);
    await repo.git.raw(['mv', 'db/001_users.sql', 'db/001_create_users.sql']);
    await repo.git.commit('delete and rename');
    const r = migsafe(['lint', 'db', '--base', 'main', '--release-ref', 'v1', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).findings.filter((x: any) => x.rule === 'edited-released-migration');
    expect(f.map((x: any) => x.file).sort()).toEqual(['db/001_users.sql', 'db/002_orders.sql']);
    expect(f[0].message).toMatch(/release v1 .* deleted \(or renamed\)/);
    const text = migsafe(['lint', 'db', '--base', 'main', '--release-ref', 'v1'], { cwd: repo.dir });
    expect(text.stdout).toContain('db/002_orders.sql:1:1 error edited-released-migration');
  });
});

describe('release selection and repositories', () => {
  it('releaseTags picks the highest version HEAD contains, not the nearest tag', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'db/001.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n' }, 'v1');
    await repo.git.addTag('v1.0');
    await repo.commit({ 'db/002.sql': 'ALTER TABLE users ADD COLUMN email_address text;\n' }, 'v2');
    await repo.git.addTag('v2.0');
    await repo.commit({ 'README.md': 'x\n' }, 'later');
    // a hotfix of v1.0, tagged after v2.0 and merged back: the nearest tag, but not the last release
    await repo.git.raw(['checkout', '-q', '-b', 'hotfix', 'v1.0']);
    await repo.commit({ 'HOTFIX.md': 'fix\n' }, 'hotfix');
    await repo.git.addTag('v1.0.1');
    await repo.git.checkout('main');
    await repo.git.raw(['merge', '-q', '--no-edit', 'hotfix']);
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'db/003.sql': 'ALTER TABLE users DROP COLUMN email;\n' }, 'contract');
    const r = await lintRepo(repo, ['db'], { base: 'main' }, { releaseTags: 'v*' });
    expect(r.notes).toContain('last release: v2.0 (the newest tag matching "v*" that HEAD contains)');
    expect(rulesOf(r)).not.toContain('contract-same-release@003.sql');
    expect(rulesOf(r)).toContain('drop-column@003.sql');
  });

  it('uses the repository that holds the migrations, not the one around the working directory', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'db/001.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n' }, 'users');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'db/002.sql': 'ALTER TABLE users DROP COLUMN email;\n' }, 'drop');
    const elsewhere = tmp('migsafe-elsewhere-');
    const r = migsafe(['lint', `${repo.dir}/db`, '--base', 'main', '--format', 'json'], { cwd: elsewhere });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: any) => f.rule)).toContain('drop-column');
  });

  it('MERGE and COPY … FROM are data migrations: mixed with a contract they are mixed-phases', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'db/001.sql': 'CREATE TABLE t (id bigint PRIMARY KEY, v text, old text);\n' }, 't');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'db/002.sql': 'MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN UPDATE SET v = u.v;\nALTER TABLE t DROP COLUMN old;\n' }, 'mixed');
    const r = await lintRepo(repo, ['db'], { base: 'main' });
    const f = active(r).find((x) => x.rule === 'mixed-phases')!;
    expect(f.message).toContain('merge into t');
  });
});
