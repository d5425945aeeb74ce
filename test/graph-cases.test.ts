/**
 * Cases of the revision-graph rules ('multiple-heads', 'unknown-down-revision',
 * 'duplicate-revision', 'revision-cycle'). A graph needs several revision files, so each case is
 * a directory, `rules/<id>/cases/(bad|ok)-<name>/versions/*.py`, linted like a versions
 * directory: bad-* must raise the rule, ok-* must raise no graph rule at all.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../rules/index.js';
import { lint } from '../src/lint.js';
import { ready, testConfig } from './helpers.js';

const root = join(import.meta.dirname, '..', 'rules');
const GRAPH_RULES = rules.filter((r) => r.meta.scope === 'graph').map((r) => r.meta.id);

beforeAll(async () => {
  await ready;
});

it('the graph rules are the four revision-graph rules', () => {
  expect([...GRAPH_RULES].sort()).toEqual(['duplicate-revision', 'multiple-heads', 'revision-cycle', 'unknown-down-revision']);
});

describe.each(GRAPH_RULES)('%s', (id) => {
  const dir = join(root, id, 'cases');
  const cases = existsSync(dir) ? readdirSync(dir).filter((f) => /^(bad|ok)-/.test(f) && statSync(join(dir, f)).isDirectory()).sort() : [];

  it('has bad and ok case directories', () => {
    if (!cases.some((c) => c.startsWith('bad-'))) throw new Error(`rules/${id}/cases has no bad-*/ directory`);
    if (!cases.some((c) => c.startsWith('ok-'))) throw new Error(`rules/${id}/cases has no ok-*/ directory`);
  });

  for (const c of cases) {
    it(c, async () => {
      const caseDir = join(dir, c);
      const r = await lint({ paths: ['.'], cwd: caseDir, config: testConfig({ root: caseDir }), threads: 1 });
      expect(r.fileProblems).toEqual([]);
      expect(r.migrations.length).toBeGreaterThan(1);
      const graph = r.findings.filter((f) => !f.suppressed && GRAPH_RULES.includes(f.rule));
      if (c.startsWith('bad-')) {
        const hits = graph.filter((f) => f.rule === id);
        if (!hits.length) expect.fail(`expected a ${id} finding, got: ${graph.map((f) => f.rule).join(', ') || 'none'}`);
        expect(hits.every((f) => f.direction === 'upgrade' && f.file.startsWith('versions/'))).toBe(true);
      } else {
        expect(graph.map((f) => `${f.rule} ${f.file}: ${f.message}`)).toEqual([]);
      }
    });
  }
});
