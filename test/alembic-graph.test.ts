/**
 * Revision graph rules ('multiple-heads', 'unknown-down-revision', 'duplicate-revision',
 * 'revision-cycle'): built from whole projects, checked through lint() and `migsafe graph`.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ready, testConfig } from './helpers.js';
import { migsafe, tmp, hasStack, ROOT } from './cli-helpers.js';
import { lint } from '../src/lint.js';
import { makeRepo } from './git-helpers.js';
import { buildGraph, historyLine, type GraphInput } from '../src/sources/alembic/graph.js';
import type { RevisionInfo } from '../src/sources/alembic/revision.js';

beforeAll(async () => {
  await ready;
});

const FIX = join(ROOT, 'fixtures', 'alembic');

function rev(file: string, revision: string, down: string[] = [], extra: Partial<RevisionInfo> = {}): GraphInput {
  const info: RevisionInfo = {
    revision, downRevisions: down, branchLabels: [], dependsOn: [], message: file, problems: [],
    spans: { revision: null, downRevision: null, dependsOn: null }, ...extra,
  };
  return { file, info, spans: { revision: { start: 1, end: 2 }, downRevision: { start: 3, end: 4 }, dependsOn: { start: 5, end: 6 } } };
}
const rules = (inputs: GraphInput[]) => buildGraph(inputs).problems.map((p) => `${p.rule}:${p.file}`).sort();

describe('buildGraph', () => {
  it('a straight history: one base, one head, base-first order', () => {
    const g = buildGraph([rev('c.py', 'c', ['b']), rev('a.py', 'a'), rev('b.py', 'b', ['a'])]);
    expect(g.problems).toEqual([]);
    expect(g.nodes.map((n) => n.revision)).toEqual(['a', 'b', 'c']);
    expect([g.bases, g.heads]).toEqual([['a'], ['c']]);
  });

  it("'multiple-heads': two revisions on the same parent; the merge command names both", () => {
    const g = buildGraph([rev('a.py', 'a'), rev('b.py', 'b', ['a']), rev('c.py', 'c', ['a'])]);
    expect(g.problems.map((p) => [p.rule, p.messageId, p.file])).toEqual([
      ['multiple-heads', 'heads', 'b.py'],
      ['multiple-heads', 'heads', 'c.py'],
    ]);
    expect(g.problems[0]!.data.merge).toBe('alembic merge -m "merge heads" b c');
    expect(g.problems[0]!.span).toEqual({ start: 1, end: 2 });
  });

  it('a merge revision joins the heads; branch and merge points are marked', () => {
    const g = buildGraph([rev('a.py', 'a'), rev('b.py', 'b', ['a']), rev('c.py', 'c', ['a']), rev('m.py', 'm', ['b', 'c'])]);
    expect(g.problems).toEqual([]);
    expect(g.nodes.map(historyLine)).toEqual(['<base> -> a (branchpoint), a.py', 'a -> b, b.py', 'a -> c, c.py', 'b, c -> m (head) (mergepoint), m.py']);
  });

  it('independent histories are fine with branch_labels, reported without', () => {
    expect(rules([rev('a.py', 'a', [], { branchLabels: ['core'] }), rev('x.py', 'x', [], { branchLabels: ['plugin'] })])).toEqual([]);
    expect(rules([rev('a.py', 'a', [], { branchLabels: ['core'] }), rev('x.py', 'x')])).toEqual(['multiple-heads:x.py']);
  });

  it("'unknown-down-revision': down_revision and depends_on must name a revision or a branch label", () => {
    const inputs = [
      rev('a.py', 'a', [], { branchLabels: ['core'] }),
      rev('b.py', 'b', ['gone']),
      rev('c.py', 'c', ['a'], { dependsOn: ['core', 'nope'] }),
    ];
    const g = buildGraph(inputs);
    const unknown = g.problems.filter((p) => p.rule === 'unknown-down-revision');
    expect(unknown.map((p) => [p.file, p.messageId, p.data.down, p.span.start])).toEqual([['b.py', 'down', 'gone', 3], ['c.py', 'depends', 'nope', 5]]);
  });

  it("'duplicate-revision': every copy is reported; the first file (by path) stays in the graph", () => {
    const g = buildGraph([rev('a.py', 'a'), rev('b1.py', 'b', ['a']), rev('b2.py', 'b', ['a'])]);
    expect(g.problems.map((p) => `${p.rule}:${p.file}:${p.data.others}`)).toEqual(['duplicate-revision:b1.py:b2.py', 'duplicate-revision:b2.py:b1.py']);
    expect(g.nodes.find((n) => n.revision === 'b')!.file).toBe('b1.py');
  });

  it("'revision-cycle': one finding per cycle, naming the loop", () => {
    const g = buildGraph([rev('a.py', 'a'), rev('x.py', 'x', ['z']), rev('y.py', 'y', ['x']), rev('z.py', 'z', ['y']), rev('s.py', 's', ['s'])]);
    const cycles = g.problems.filter((p) => p.rule === 'revision-cycle');
    expect(cycles.map((p) => p.file).sort()).toEqual(['s.py', 'x.py']);
    expect(cycles.find((p) => p.file === 'x.py')!.data.revisions).toBe('x → z → y → x');
    expect(g.nodes).toHaveLength(5); // revisions in a cycle are still listed
  });

  it('a revision only depended on is an effective head, not a real one', () => {
    const g = buildGraph([rev('a.py', 'a'), rev('b.py', 'b', ['a']), rev('c.py', 'c', ['a'], { dependsOn: ['b'] })]);
    expect(g.nodes.map(historyLine)).toEqual(['<base> -> a (branchpoint), a.py', 'a -> b (effective head), b.py', 'a (b) -> c (head), c.py']);
  });
});

describe('lint() on projects', () => {
  it('graph findings are attached to the files they name, in the upgrade direction, and can be ignored there', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'versions'));
    const revFile = (id: string, down: string | null, head = '') =>
      `${head}revision = "${id}"\ndown_revision = ${down ? `"${down}"` : 'None'}\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n`;
    writeFileSync(join(dir, 'versions', '1.py'), revFile('r1', null));
    writeFileSync(join(dir, 'versions', '2.py'), revFile('r2', 'r1'));
    writeFileSync(join(dir, 'versions', '3.py'), revFile('r3', 'r1', '# migsafe-ignore-file multiple-heads -- long-lived release branch\n'));
    writeFileSync(join(dir, 'versions', '__init__.py'), '');
    const r = await lint({ paths: [join(dir, 'versions')], cwd: dir, config: testConfig({ root: dir }) });
    const heads = r.findings.filter((f) => f.rule === 'multiple-heads');
    expect(heads.map((f) => [f.file, f.direction, !!f.suppressed])).toEqual([['versions/2.py', 'upgrade', false], ['versions/3.py', 'upgrade', true]]);
    expect(r.findings.filter((f) => f.rule === 'unused-ignore')).toEqual([]);
    expect(r.verboseNotes).toEqual(['versions/__init__.py: not an Alembic revision, skipped']);
  });

  it('a single file is not a graph: no graph rules', async () => {
    const f = join(FIX, 'branched', 'versions', '0002_add_name.py');
    const r = await lint({ paths: [f], cwd: ROOT, config: testConfig() });
    expect(r.findings.filter((x) => x.rule === 'multiple-heads')).toEqual([]);
  });

  it('--staged: released revisions that are not parsed still complete the graph', async () => {
    const repo = await makeRepo();
    const revFile = (id: string, down: string | null, body = 'pass') =>
      `revision = "${id}"\ndown_revision = ${down ? `"${down}"` : 'None'}\nfrom alembic import op\n\n\ndef upgrade():\n    ${body}\n\n\ndef downgrade():\n    pass\n`;
    await repo.commit({ 'alembic/versions/1.py': revFile('r1', null), 'alembic/versions/2.py': revFile('r2', 'r1') }, 'released');
    await repo.git.addTag('v1');
    repo.write({ 'alembic/versions/3.py': revFile('r3', 'r2', 'op.drop_column("users", "x")') });
    await repo.git.add(['alembic/versions/3.py']);
    const r = await lint({ paths: ['alembic/versions'], cwd: repo.dir, config: testConfig({ root: repo.dir }), changeset: { staged: true, releaseRef: 'v1' } });
    expect(r.migrations.map((m) => m.file)).toEqual(['alembic/versions/3.py', 'alembic/versions/3.py']);
    const rules = r.findings.map((f) => f.rule);
    expect(rules).toContain('drop-column');
    expect(rules).not.toContain('unknown-down-revision');
    expect(rules).not.toContain('multiple-heads');
  });

  it('the broken fixture raises every graph rule', async () => {
    const r = await lint({ paths: [join(FIX, 'broken')], cwd: ROOT, config: testConfig() });
    expect([...new Set(r.findings.map((f) => f.rule))].sort()).toEqual(['duplicate-revision', 'multiple-heads', 'revision-cycle', 'unknown-down-revision']);
  });
});

describe('migsafe graph', () => {
  it('prints the history base first, heads marked, and exits 0 for a sound graph', () => {
    const r = migsafe(['graph', 'fixtures/alembic/merged']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.includes(' -> '));
    expect(lines[0]).toMatch(/^ {2}<base> -> bb0000000001 \(branchpoint\), base/);
    expect(lines.at(-1)).toMatch(/bb0000000004 -> bb0000000005 \(head\), index tags\.label/);
    expect(r.stdout).toContain('1 head: bb0000000005');
  });

  it('lists the problems with file:line:col and exits 1', () => {
    const r = migsafe(['graph', 'fixtures/alembic/branched']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2 heads: aa0000000002, aa0000000003');
    expect(r.stdout).toMatch(/fixtures\/alembic\/branched\/versions\/0002_add_name\.py:\d+:1 error multiple-heads/);
  });

  it('json: revisions, heads and problems', () => {
    const r = migsafe(['graph', 'fixtures/alembic/broken', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe(1);
    expect(doc.graphs[0].revisions.length).toBe(5);
    expect(doc.graphs[0].problems.map((p: any) => p.rule).sort()).toContain('revision-cycle');
    expect(doc.graphs[0].problems.every((p: any) => p.line >= 1 && p.column >= 1)).toBe(true);
  });

  it('a directory without revisions is a usage error, exit 2, no stack', () => {
    const r = migsafe(['graph', 'fixtures/sql']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no Alembic revisions found');
    expect(hasStack(r.stderr)).toBe(false);
  });
});
