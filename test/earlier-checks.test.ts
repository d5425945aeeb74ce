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
