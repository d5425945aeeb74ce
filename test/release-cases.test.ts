/**
 * Cases of the release-scope rules (contract-same-release, contract-still-referenced,
 * edited-released-migration, out-of-order-migration). They are about git history, so each case is
 * a directory that describes one, and this test builds it as a real repository:
 *
 *   rules/<id>/cases/(bad|ok)-<name>/release/**  committed on main and tagged v1 (the last release)
 *   rules/<id>/cases/(bad|ok)-<name>/change/**   then committed on a branch `feature`; a file
 *                                                `<path>.deleted` deletes `<path>` instead
 *   rules/<id>/cases/(bad|ok)-<name>/main/**     (optional) committed on main after the branch point
 *
 * and runs `lint . --base main --release-ref v1` on the branch: bad-* must raise the rule (as an
 * error or warning), ok-* must not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rules } from '../rules/index.js';
import { lint } from '../src/lint.js';
import { walk } from '../src/sources/files.js';
import { makeRepo } from './git-helpers.js';
import { ready, testConfig } from './helpers.js';

const root = join(import.meta.dirname, '..', 'rules');
const RELEASE_RULES = rules.filter((r) => r.meta.scope === 'release').map((r) => r.meta.id);

beforeAll(async () => {
  await ready;
});

/** Files of a case part, repo-relative path → content. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  walk(dir, (f) => {
    out[relative(dir, f).split('\\').join('/')] = readFileSync(f, 'utf8');
  });
  return out;
}

it('the release rules are the four cross-release rules', () => {
  expect([...RELEASE_RULES].sort()).toEqual(['contract-same-release', 'contract-still-referenced', 'edited-released-migration', 'out-of-order-migration']);
});

describe.each(RELEASE_RULES)('%s', (id) => {
  const dir = join(root, id, 'cases');
  const cases = existsSync(dir) ? readdirSync(dir).filter((f) => /^(bad|ok)-/.test(f) && statSync(join(dir, f)).isDirectory()).sort() : [];

  it('has bad and ok case directories, SQL and Alembic', () => {
    expect(cases.some((c) => c.startsWith('bad-')), `rules/${id}/cases has no bad-*/`).toBe(true);
    expect(cases.some((c) => c.startsWith('ok-')), `rules/${id}/cases has no ok-*/`).toBe(true);
    const langs = new Set(cases.flatMap((c) => Object.keys({ ...files(join(dir, c, 'release')), ...files(join(dir, c, 'change')) })).map((p) => (p.endsWith('.py') && !p.startsWith('app/') ? 'python' : p.endsWith('.sql') ? 'sql' : 'other')));
    expect(langs.has('sql') && langs.has('python'), `rules/${id}/cases needs SQL and Alembic cases`).toBe(true);
  });

  for (const c of cases) {
    it(c, async () => {
      const caseDir = join(dir, c);
      const repo = await makeRepo();
      await repo.commit(files(join(caseDir, 'release')), 'release');
      await repo.git.addTag('v1');
      await repo.git.checkoutLocalBranch('feature');
      const change = files(join(caseDir, 'change'));
      const deleted = Object.keys(change).filter((p) => p.endsWith('.deleted')).map((p) => p.slice(0, -'.deleted'.length));
      for (const p of deleted) delete change[`${p}.deleted`];
      if (deleted.length) await repo.git.raw(['rm', '-q', '--', ...deleted]);
      if (Object.keys(change).length) repo.write(change);
      await repo.git.raw(['add', '-A']);
      await repo.git.commit('change');
      const later = files(join(caseDir, 'main'));
      if (Object.keys(later).length) {
        await repo.git.checkout('main');
        await repo.commit(later, 'main moves on');
        await repo.git.checkout('feature');
      }
      const r = await lint({ paths: ['.'], cwd: repo.dir, config: testConfig({ root: repo.dir }), changeset: { base: 'main', releaseRef: 'v1' }, threads: 1 });
      expect(r.fileProblems).toEqual([]);
      const raised = r.findings.filter((f) => f.rule === id && !f.suppressed && f.severity !== 'info');
      if (c.startsWith('bad-')) expect(raised.length, `${c} must raise ${id}`).toBeGreaterThan(0);
      else expect(raised.map((f) => `${f.file}: ${f.message}`), `${c} must not raise ${id}`).toEqual([]);
    });
  }
});
