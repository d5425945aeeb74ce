/** GitLab Code Quality: the fields GitLab requires, severities, stable unique fingerprints. */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildGitlab, renderGitlab } from '../src/report/gitlab.js';
import { buildSarif, FINGERPRINT_KEY } from '../src/report/sarif.js';
import type { LintResult } from '../src/lint.js';
import { ALEMBIC_FILE, OPTS, SNAPSHOTS, cleanResult, fixtureResult } from './report-helpers.js';
import { ready } from './helpers.js';

let fixture: LintResult;
let clean: LintResult;
beforeAll(async () => {
  await ready;
  fixture = await fixtureResult();
  clean = await cleanResult();
});

describe('gitlab code quality', () => {
  it('a JSON array of issues with every required field', () => {
    const issues = JSON.parse(renderGitlab(fixture, OPTS));
    expect(Array.isArray(issues)).toBe(true);
    expect(issues.length).toBe(fixture.findings.filter((f) => !f.suppressed).length);
    for (const i of issues) {
      expect(typeof i.description).toBe('string');
      expect(i.description.length).toBeGreaterThan(10);
      expect(typeof i.check_name).toBe('string');
      expect(i.fingerprint).toMatch(/^[0-9a-f]{32}:\d+$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity);
      expect(typeof i.location.path).toBe('string');
      expect(Number.isInteger(i.location.lines.begin) && i.location.lines.begin >= 1).toBe(true);
    }
    expect(new Set(issues.map((i: any) => i.fingerprint)).size).toBe(issues.length);
  });

  it('maps severities, leaves suppressed findings out, and covers Alembic files', () => {
    const issues = buildGitlab(fixture, OPTS);
    expect(issues.find((i) => i.check_name === 'constraint-not-valid')).toMatchObject({ severity: 'critical', location: { path: 'fixtures/report/001_orders.sql', lines: { begin: 3 } } });
    expect(issues.find((i) => i.check_name === 'prefer-text')!.severity).toBe('minor');
    expect(issues.some((i) => i.location.path === 'fixtures/report/002_suppressed.sql')).toBe(false);
    expect(issues.find((i) => i.location.path === ALEMBIC_FILE)).toMatchObject({ check_name: 'require-concurrent-index', severity: 'critical', location: { lines: { begin: 16 } } });
    expect(issues.some((i) => i.location.path === ALEMBIC_FILE && i.check_name === 'rename-column' && i.location.lines.begin === 18)).toBe(false); // suppressed
  });

  it('uses the same stable fingerprints as SARIF', () => {
    const sarif = buildSarif(fixture, OPTS).runs[0]!.results.filter((r) => !r.suppressions).map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(buildGitlab(fixture, OPTS).map((i) => i.fingerprint)).toEqual(sarif);
  });

  it('zero findings: an empty array', () => {
    expect(JSON.parse(renderGitlab(clean, OPTS))).toEqual([]);
  });

  it('snapshot: fixture set', async () => {
    await expect(renderGitlab(fixture, OPTS)).toMatchFileSnapshot(join(SNAPSHOTS, 'fixture.gitlab.json'));
  });
});
