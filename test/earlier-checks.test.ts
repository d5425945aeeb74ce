/**
 * set-not-null across migrations: a CHECK (col IS NOT NULL) validated in an earlier migration of
 * the same history lets PostgreSQL 12+ skip the scan. Folder cases under
 * rules/set-not-null/cases/(ok|bad)-<name> are linted as one directory (SQL files, or an Alembic
 * versions/ directory): ok-* must leave no active set-not-null and suppress one, naming the
 * migration that validated the CHECK; bad-* must still report it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../src/lint.js';
import { ready, testConfig } from './helpers.js';

const dir = join(import.meta.dirname, '..', 'rules', 'set-not-null', 'cases');
const cases = readdirSync(dir).filter((f) => /^(bad|ok)-/.test(f) && statSync(join(dir, f)).isDirectory()).sort();

beforeAll(async () => {
  await ready;
});

const run = (caseDir: string, pgVersion = 15) => lint({ paths: ['.'], cwd: caseDir, config: testConfig({ root: caseDir, pgVersion }), threads: 1 });

describe('set-not-null across migrations', () => {
  it('has bad and ok folder cases, SQL and Alembic', () => {
    expect(cases.filter((c) => c.startsWith('ok-')).length).toBeGreaterThanOrEqual(2);
    expect(cases.filter((c) => c.startsWith('bad-')).length).toBeGreaterThanOrEqual(2);
    expect(cases.some((c) => c.includes('alembic'))).toBe(true);
  });

  for (const c of cases) {
    it(c, async () => {
      const r = await run(join(dir, c));
      expect(r.fileProblems).toEqual([]);
      expect(r.migrations.length).toBeGreaterThan(1);
      const hits = r.findings.filter((f) => f.rule === 'set-not-null');
      if (c.startsWith('bad-')) {
        expect(hits.filter((f) => !f.suppressed).length).toBeGreaterThan(0);
      } else {
        expect(hits.filter((f) => !f.suppressed).map((f) => `${f.file}: ${f.message}`)).toEqual([]);
        expect(hits.length).toBe(1);
        expect(hits[0]!.suppressed!.reason).toMatch(/validated in \S*(validate|b2_)/);
      }
    });
  }

  it('PostgreSQL 11 scans even after a validated CHECK: still reported', async () => {
    const r = await run(join(dir, 'ok-check-validated-in-earlier-migration'), 11);
    expect(r.findings.filter((f) => f.rule === 'set-not-null' && !f.suppressed).length).toBe(1);
  });

  it('one file on its own cannot see the earlier migration', async () => {
    const caseDir = join(dir, 'ok-check-validated-in-earlier-migration');
    const r = await lint({ paths: ['003_set_not_null.sql'], cwd: caseDir, config: testConfig({ root: caseDir }), threads: 1 });
    expect(r.findings.filter((f) => f.rule === 'set-not-null' && !f.suppressed).length).toBe(1);
  });
});

describe('set-not-null across releases (git-aware mode)', () => {
  const CHECK = "SET lock_timeout = '5s';\nALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\n";
  const VALIDATE = "SET lock_timeout = '5s';\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n";
  const SET_NN = "SET lock_timeout = '5s';\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n";

  it('a CHECK validated in a released migration is read from it, and the step is suppressed with --base and --staged', async () => {
    const { makeRepo } = await import('./git-helpers.js');
    const repo = await makeRepo();
    await repo.commit({ 'db/001_check.sql': CHECK, 'db/002_validate.sql': VALIDATE, 'db/010_other.sql': 'CREATE TABLE orders (id bigint);\n' }, 'release 1');
    await repo.git.addTag('v1');
    await repo.git.checkoutLocalBranch('feature');
    await repo.commit({ 'db/003_set_not_null.sql': SET_NN }, 'contract');
    const cfg = testConfig({ root: repo.dir });
    const base = await lint({ paths: ['db'], cwd: repo.dir, config: cfg, changeset: { base: 'main' } });
    const hits = base.findings.filter((f) => f.rule === 'set-not-null');
    expect(hits.map((f) => [f.file, !!f.suppressed])).toEqual([['db/003_set_not_null.sql', true]]);
    expect(hits[0]!.suppressed!.reason).toContain('db/002_validate.sql');
    // the released files are context only: nothing of theirs is reported
    expect(base.migrations.map((m) => m.file)).toEqual(['db/003_set_not_null.sql']);

    repo.write({ 'db/004_again.sql': SET_NN, 'db/005_name.sql': SET_NN.replace('email', 'name') });
    await repo.git.add(['db/004_again.sql', 'db/005_name.sql']);
    const staged = await lint({ paths: ['db'], cwd: repo.dir, config: cfg, changeset: { staged: true } });
    const st = staged.findings.filter((f) => f.rule === 'set-not-null');
    // email: proven by the released CHECK; name: no CHECK proves it, still reported
    expect(st.map((f) => [f.file, !!f.suppressed])).toEqual([['db/004_again.sql', true], ['db/005_name.sql', false]]);
  });
});
