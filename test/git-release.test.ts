/** Expand/contract across releases, against real temporary git repositories. */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { lint } from '../src/lint.js';
import { testConfig, ready } from './helpers.js';
import { makeRepo, type TestRepo } from './git-helpers.js';
import { hasStack, migsafe, tmp } from './cli-helpers.js';

beforeAll(async () => {
  await ready;
});

const USERS = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n';
const active = (r: Awaited<ReturnType<typeof lint>>) => r.findings.filter((f) => !f.suppressed);
const rulesOf = (r: Awaited<ReturnType<typeof lint>>) => active(r).map((f) => `${f.rule}@${f.file.split('/').pop()}`).sort();

async function released(): Promise<TestRepo> {
  const repo = await makeRepo();
  await repo.commit({ 'db/migrations/001_create_users.sql': USERS }, 'create users');
  await repo.git.addTag('v1');
  await repo.git.checkoutLocalBranch('feature');
  return repo;
}

const lintRepo = (repo: TestRepo, changeset: Parameters<typeof lint>[0]['changeset'], config = {}) =>
  lint({ paths: ['db/migrations'], cwd: repo.dir, config: testConfig({ root: repo.dir, rules: { 'require-lock-timeout': 'off' }, ...config }), changeset });

describe('contract-same-release', () => {
  it('flags a contract that ships with the expand and backfill it depends on', async () => {
    const repo = await released();
    await repo.commit({
      'db/migrations/002_add_email_address.sql': 'ALTER TABLE users ADD COLUMN email_address text;\nUPDATE users SET email_address = email WHERE email_address IS NULL;\n',
      'db/migrations/003_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n',
    }, 'rename email');
    const r = await lintRepo(repo, { base: 'main' });
    const f = active(r).find((x) => x.rule === 'contract-same-release')!;
    expect(f).toBeDefined();
    expect(f.file).toBe('db/migrations/003_drop_email.sql');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('add column users.email_address');
    expect(f.message).toContain('002_add_email_address.sql');
    // the released 001 is not reported at all
    expect(r.migrations.map((m) => m.file)).toEqual(['db/migrations/002_add_email_address.sql', 'db/migrations/003_drop_email.sql']);
  });

  it('is fine once the expand is released', async () => {
    const repo = await released();
    await repo.commit({ 'db/migrations/002_add_email_address.sql': 'ALTER TABLE users ADD COLUMN email_address text;\n' }, 'expand');
    await repo.git.addTag('v2');
    await repo.commit({ 'db/migrations/003_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n' }, 'contract');
    const r = await lintRepo(repo, { base: 'main' }, { releaseTags: 'v*' });
    expect(rulesOf(r)).not.toContain('contract-same-release@003_drop_email.sql');
    expect(rulesOf(r)).toContain('drop-column@003_drop_email.sql');
  });

  it('reports a contract of an object created in the same unreleased changeset as info only', async () => {
    const repo = await released();
    await repo.commit({
      'db/migrations/002_staging.sql': 'CREATE TABLE staging (id bigint, tmp text);\nALTER TABLE users ADD COLUMN scratch text;\n',
      'db/migrations/003_cleanup.sql': 'DROP TABLE staging;\nALTER TABLE users DROP COLUMN scratch;\n',
    }, 'created and dropped');
    const r = await lintRepo(repo, { base: 'main' }, { rules: { 'require-lock-timeout': 'off', 'drop-table': 'off', 'drop-column': 'off' } });
    const infos = active(r).filter((f) => f.rule === 'contract-same-release');
    expect(infos.map((f) => f.severity)).toEqual(['info', 'info']);
    expect(infos[0]!.message).toMatch(/never reached production/);
  });
});

describe('edited-released-migration and out-of-order-migration', () => {
  it('flags an edit to a migration that is in the last release, at the first changed line', async () => {
    const repo = await released();
    await repo.commit({ 'db/migrations/001_create_users.sql': USERS + 'ALTER TABLE users ADD COLUMN name text;\n' }, 'edit released');
    const r = await lintRepo(repo, { base: 'main' }, { releaseTags: 'v*' });
    const f = active(r).find((x) => x.rule === 'edited-released-migration')!;
    expect(f.file).toBe('db/migrations/001_create_users.sql');
    expect(f.message).toContain('release v1');
    expect(f.message).toContain('line 2');
  });

  it('flags an unreleased SQL file that sorts before the newest released one', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'db/migrations/20240301_orders.sql': 'CREATE TABLE orders (id bigint);\n' }, 'orders');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'db/migrations/20240215_invoices.sql': 'CREATE TABLE invoices (id bigint);\n', 'db/migrations/20240310_items.sql': 'CREATE TABLE items (id bigint);\n' }, 'new');
    const r = await lintRepo(repo, { base: 'main' });
    expect(rulesOf(r)).toEqual(['out-of-order-migration@20240215_invoices.sql']);
    expect(active(r).map((f) => f.rule)).toEqual(['out-of-order-migration']);
  });
});

describe('contract-still-referenced', () => {
  const model = (withEmail: boolean) => `from sqlalchemy import Column, String, BigInteger
from sqlalchemy.orm import declarative_base
Base = declarative_base()

class User(Base):
    __tablename__ = "users"
    id = Column(BigInteger, primary_key=True)
${withEmail ? '    email = Column(String)\n' : ''}`;

  it('finds uses in the release that HEAD no longer has, read from git', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'db/migrations/001_create_users.sql': USERS, 'app/models.py': model(true), 'app/queries.py': 'Q = "SELECT email FROM users WHERE id = %s"\n' }, 'v1');
    await repo.git.addTag('v1');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'app/models.py': model(false), 'app/queries.py': 'Q = "SELECT id FROM users"\n', 'db/migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n' }, 'drop email');
    const r = await lintRepo(repo, { base: 'main' }, { releaseTags: 'v*' });
    const refs = active(r).filter((f) => f.rule === 'contract-still-referenced');
    expect(refs).toHaveLength(1);
    expect(refs[0]!.message).toContain('in release v1');
    expect(refs[0]!.message).toContain('app/models.py:8');
    expect(refs[0]!.message).toContain('app/queries.py:1');
  });

  it('finds uses at HEAD, and ignores the same column name on another table', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'db/migrations/001_create_users.sql': USERS }, 'v1');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({
      'app/models.py': model(true),
      'app/contacts.py': 'class Contact(Base):\n    __tablename__ = "contacts"\n    email = Column(String)\n',
      'db/migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n',
    }, 'drop but still used');
    const r = await lintRepo(repo, { base: 'main' });
    const refs = active(r).filter((f) => f.rule === 'contract-still-referenced');
    expect(refs.map((f) => f.messageId)).toContain('head');
    const head = refs.find((f) => f.messageId === 'head')!;
    expect(head.message).toContain('app/models.py:8');
    expect(head.message).not.toContain('contacts.py');
  });
});

describe('--staged and CLI', () => {
  it('lints only the staged migration, with the history as context', async () => {
    const repo = await released();
    await repo.commit({ 'db/migrations/002_add_email_address.sql': 'ALTER TABLE users ADD COLUMN email_address text;\n' }, 'expand, not released');
    repo.write({ 'db/migrations/003_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n', 'db/migrations/004_wip.sql': 'DROP TABLE users;\n' });
    await repo.git.add(['db/migrations/003_drop_email.sql']);
    const r = migsafe(['lint', 'db/migrations', '--staged', '--release-ref', 'v1', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect([...new Set(doc.findings.map((f: any) => f.file))]).toEqual(['db/migrations/003_drop_email.sql']);
    expect(doc.findings.map((f: any) => f.rule)).toContain('contract-same-release');
    expect(doc.findings.find((f: any) => f.rule === 'drop-column').phase).toBe('contract');
  });

  it('nothing changed: exit 0 with a note', async () => {
    const repo = await released();
    const r = migsafe(['lint', 'db/migrations', '--base', 'main'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no migration changed since the merge-base/);
  });

  it('detached HEAD with --base: one line and exit 2 locally; compared, with a note, in CI or with --allow-detached', async () => {
    const repo = await released();
    await repo.commit({ 'db/migrations/002_drop.sql': 'ALTER TABLE users DROP COLUMN email;\n' }, 'drop');
    await repo.git.raw(['checkout', '-q', '--detach', 'HEAD']);
    const refused = migsafe(['lint', 'db/migrations', '--base', 'main'], { cwd: repo.dir });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^migsafe: error: HEAD is detached at [0-9a-f]+, so there is no branch to compare with main: .*--allow-detached/);
    expect(hasStack(refused.stderr)).toBe(false);
    // CI=false is not CI
    expect(migsafe(['lint', 'db/migrations', '--base', 'main'], { cwd: repo.dir, env: { CI: 'false' } }).code).toBe(2);
    for (const r of [
      migsafe(['lint', 'db/migrations', '--base', 'main', '--allow-detached'], { cwd: repo.dir }),
      migsafe(['lint', 'db/migrations', '--base', 'main'], { cwd: repo.dir, env: { CI: 'true' } }),
    ]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/note: HEAD is detached at [0-9a-f]+; comparing that commit/);
      expect(r.stdout).toContain('002_drop.sql');
    }
    // --staged on a detached HEAD (a commit during a rebase) compares the index with HEAD
    repo.write({ 'db/migrations/003_x.sql': 'DROP TABLE users;\n' });
    await repo.git.add(['db/migrations/003_x.sql']);
    const staged = migsafe(['lint', 'db/migrations', '--staged'], { cwd: repo.dir });
    expect(staged.code).toBe(1);
    expect(staged.stdout).toContain('003_x.sql');
    expect(staged.stdout).not.toContain('002_drop.sql');
    expect(migsafe(['lint', 'db/migrations', '--allow-detached'], { cwd: repo.dir }).code).toBe(2);
  });

  it('bad input: not a repository, unknown ref, both modes — one line, exit 2', async () => {
    const plain = tmp();
    writeFileSync(join(plain, '1.sql'), 'SELECT 1;\n');
    const a = migsafe(['lint', '.', '--base', 'main'], { cwd: plain });
    expect(a.code).toBe(2);
    expect(a.stderr.trim()).toMatch(/is not inside a git repository, which --base needs$/);
    const repo = await released();
    const b = migsafe(['lint', 'db/migrations', '--base', 'no-such-branch'], { cwd: repo.dir });
    expect(b.code).toBe(2);
    expect(b.stderr.trim()).toBe('migsafe: error: unknown git ref "no-such-branch"');
    const c = migsafe(['lint', 'db/migrations', '--base', 'main', '--staged'], { cwd: repo.dir });
    expect(c.code).toBe(2);
    for (const r of [a, b, c]) {
      expect(hasStack(r.stderr)).toBe(false);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('a shallow clone without the merge-base: clear message with the fetch-depth hint', async () => {
    const repo = await released();
    for (let i = 2; i < 5; i++) await repo.commit({ [`db/migrations/00${i}_x.sql`]: `CREATE TABLE t${i} (id bigint);\n` }, `c${i}`);
    await repo.git.checkout('main');
    await repo.commit({ 'README.md': 'main moves on\n' }, 'main');
    const clone = tmp('migsafe-shallow-');
    await simpleGit().raw(['clone', '-q', '--depth', '1', '--branch', 'feature', '--no-single-branch', `file://${repo.dir}`, clone]);
    const r = migsafe(['lint', 'db/migrations', '--base', 'origin/main'], { cwd: clone });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shallow clone/);
    expect(r.stderr).toMatch(/fetch-depth: 0/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('out-of-order-migration (Alembic)', () => {
  const rev = (id: string, down: string | null) =>
    `"""${id}"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "${id}"\ndown_revision = ${down ? `"${down}"` : 'None'}\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    op.create_table("t_${id}", sa.Column("id", sa.BigInteger(), primary_key=True))\n\n\ndef downgrade():\n    op.drop_table("t_${id}")\n`;
  const ini = '[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://localhost/app\n';

  it('flags an unreleased revision that branches off behind the base head, naming the head', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'alembic.ini': ini, 'migrations/versions/a1.py': rev('a1', null) }, 'a1');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'migrations/versions/c3.py': rev('c3', 'a1') }, 'c3 on a1');
    await repo.git.checkout('main');
    await repo.commit({ 'migrations/versions/b2.py': rev('b2', 'a1') }, 'b2 lands on main');
    await repo.git.checkout('feature');
    await repo.git.raw(['merge', '-q', '--no-edit', 'main']);
    const r = await lint({ paths: ['.'], cwd: repo.dir, config: testConfig({ root: repo.dir }), changeset: { base: 'main' } });
    const f = active(r).filter((x) => x.rule === 'out-of-order-migration');
    expect(f).toHaveLength(1);
    expect(f[0]!.file).toBe('migrations/versions/c3.py');
    expect(f[0]!.message).toContain('the head of main is b2');
    // the merged history has two heads as well
    expect(active(r).map((x) => x.rule)).toContain('multiple-heads');
  });

  it('is clean when the revision follows the base head', async () => {
    const repo = await makeRepo();
    await repo.commit({ 'alembic.ini': ini, 'migrations/versions/a1.py': rev('a1', null), 'migrations/versions/b2.py': rev('b2', 'a1') }, 'base');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'migrations/versions/c3.py': rev('c3', 'b2') }, 'c3');
    const r = await lint({ paths: ['.'], cwd: repo.dir, config: testConfig({ root: repo.dir }), changeset: { base: 'main' } });
    expect(active(r).map((x) => x.rule)).not.toContain('out-of-order-migration');
    expect(r.migrations.map((m) => m.file)).toEqual(['migrations/versions/c3.py', 'migrations/versions/c3.py']);
  });
});
