/** SARIF 2.1.0: schema-valid, registry-driven rules with help, stable fingerprints, suppressions. */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rules } from '../rules/index.js';
import { buildSarif, FINGERPRINT_KEY, renderSarif } from '../src/report/sarif.js';
import { ruleDocUrl, ruleReadme } from '../src/report/docs.js';
import { lint, type LintResult } from '../src/lint.js';
import { ALEMBIC_FILE, OPTS, ROOT, SNAPSHOTS, cleanResult, fixtureResult, manyFindings, sarifValidator } from './report-helpers.js';
import { lintSql, ready, testConfig } from './helpers.js';

let fixture: LintResult;
let clean: LintResult;
const validate = sarifValidator();

beforeAll(async () => {
  await ready;
  fixture = await fixtureResult();
  clean = await cleanResult();
});

function expectValid(doc: unknown) {
  const ok = validate(doc);
  if (!ok) expect.fail(JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

/** The run without tool.driver.rules and ruleIndex (tested separately; they change whenever a rule or its docs do). */
function resultsOnly(doc: ReturnType<typeof buildSarif>) {
  const run = doc.runs[0]!;
  const results = run.results.map(({ ruleIndex: _index, ...rest }) => rest); // indexes move when rules are added
  return { ...doc, runs: [{ ...run, tool: { driver: { ...run.tool.driver, rules: '<the registry>' } }, results }] };
}

describe('sarif', () => {
  it('is valid against the official SARIF 2.1.0 schema (fixture set, zero findings, unreadable files, 5,000 findings)', () => {
    expectValid(buildSarif(fixture, OPTS));
    expectValid(buildSarif(clean, OPTS));
    expectValid(buildSarif({ ...clean, fileProblems: [{ file: 'db/broken file.sql', message: 'not valid UTF-8' }] }, OPTS));
    expectValid(buildSarif(manyFindings(5000, 20, ['error', 'warning', 'info'])));
  });

  it('the schema really is enforced (a broken log is rejected)', () => {
    const doc = buildSarif(fixture, OPTS) as any;
    doc.runs[0].results[0].level = 'fatal';
    expect(validate(doc)).toBe(false);
  });

  it('snapshot: fixture set', async () => {
    await expect(JSON.stringify(resultsOnly(buildSarif(fixture, OPTS)), null, 2) + '\n').toMatchFileSnapshot(join(SNAPSHOTS, 'fixture.sarif.json'));
  });

  it('snapshot: zero findings', async () => {
    await expect(JSON.stringify(resultsOnly(buildSarif(clean, OPTS)), null, 2) + '\n').toMatchFileSnapshot(join(SNAPSHOTS, 'clean.sarif.json'));
  });

  it('every registry rule is in tool.driver.rules with descriptions, help and a docs link', () => {
    const driver = buildSarif(clean, OPTS).runs[0]!.tool.driver;
    expect(driver.name).toBe('migsafe');
    expect(driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.meta.id));
    for (const r of rules) {
      const d = driver.rules.find((x) => x.id === r.meta.id)!;
      expect(d.shortDescription.text).toBe(r.meta.summary);
      expect(d.fullDescription.text.length).toBeGreaterThan(10);
      expect(d.helpUri).toBe(ruleDocUrl(r.meta.id));
      expect(d.help.text.length).toBeGreaterThan(10);
      expect(d.help.markdown).toContain(r.meta.id);
      const readme = ruleReadme(r.meta.id);
      if (readme) {
        expect(d.help.markdown).toBe(readme);
        // the whole first paragraph of "Why it's dangerous", not just its first line
        expect(d.fullDescription.text, r.meta.id).toMatch(/[.:!?)]$/);
        expect(d.fullDescription.text).not.toMatch(/\*\*|\n/);
      }
      expect(d.defaultConfiguration.level).toBe(r.meta.severity === 'error' ? 'error' : r.meta.severity === 'warning' ? 'warning' : 'note');
    }
  });

  it('results: rule id and index, level, message with the safe alternative, repo-relative region', () => {
    const run = buildSarif(fixture, OPTS).runs[0]!;
    for (const res of run.results) expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
    const fk = run.results.find((r) => r.ruleId === 'constraint-not-valid')!;
    expect(fk.level).toBe('error');
    expect(fk.message.text).toMatch(/FOREIGN KEY "orders_user_fk"[\s\S]*NOT VALID/);
    expect(fk.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'fixtures/report/001_orders.sql' },
      region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 93 },
    });
    expect(run.results.find((r) => r.ruleId === 'prefer-text')!.level).toBe('warning');
    const syntax = run.results.find((r) => r.ruleId === 'syntax-error')!;
    expect(syntax.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 22 });
  });

  it('paths are relative to the repository root even when linting from a subdirectory', async () => {
    const sub = join(ROOT, 'fixtures');
    const r = await lint({ paths: ['report/001_orders.sql'], cwd: sub, config: testConfig({ root: sub }) });
    const uris = buildSarif(r, { cwd: sub, root: ROOT }).runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(new Set(uris)).toEqual(new Set(['fixtures/report/001_orders.sql']));
  });

  it('Alembic (.py) findings are reported like SQL ones, with language and direction', () => {
    const run = buildSarif(fixture, OPTS).runs[0]!;
    const py = run.results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === ALEMBIC_FILE && !r.suppressions);
    const index = py.find((r) => r.ruleId === 'require-concurrent-index')!;
    expect(index.properties).toMatchObject({ language: 'python', direction: 'upgrade' });
    expect(index.locations[0]!.physicalLocation.region).toEqual({ startLine: 16, startColumn: 5, endLine: 16, endColumn: 65 });
    const down = py.find((r) => r.ruleId === 'rename-column')!;
    expect(down.properties).toMatchObject({ language: 'python', direction: 'downgrade' });
    expect(down.locations[0]!.physicalLocation.region.startLine).toBe(23);
  });

  it('suppressed findings carry an inSource suppression with the reason and the directive location', () => {
    const run = buildSarif(fixture, OPTS).runs[0]!;
    const sup = run.results.filter((r) => r.suppressions);
    expect(sup.map((r) => [r.ruleId, r.properties.language])).toEqual([['drop-column', 'sql'], ['rename-column', 'python']]);
    expect(sup[0]!.suppressions![0]).toMatchObject({
      kind: 'inSource',
      justification: 'users.legacy_flag unused since release 42 (PR #1234)',
      location: { physicalLocation: { artifactLocation: { uri: 'fixtures/report/002_suppressed.sql' }, region: { startLine: 2 } } },
    });
    // a Python ignore comment (# migsafe-ignore …) works the same
    expect(sup[1]!.suppressions![0]).toMatchObject({
      kind: 'inSource',
      justification: 'users.handle is read by nothing since release 41',
      location: { physicalLocation: { artifactLocation: { uri: ALEMBIC_FILE }, region: { startLine: 17 } } },
    });
    expect(run.results.some((r) => !r.suppressions && r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('002_suppressed.sql'))).toBe(false);
  });

  it('unreadable files are tool execution notifications, and the invocation is marked unsuccessful', () => {
    const run = buildSarif({ ...clean, fileProblems: [{ file: 'db/x.sql', message: 'binary file' }] }, OPTS).runs[0]!;
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolExecutionNotifications![0]!.message.text).toBe('db/x.sql: binary file');
  });
});

describe('sarif partialFingerprints', () => {
  const sql = `SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN legacy_flag;\nALTER TABLE orders   DROP COLUMN note;\n`;
  const fp = (text: string, file = 'm.sql') => {
    const l = lintSql(text, { file });
    const r: LintResult = { migrations: [l.migration], findings: l.findings, fileProblems: [], notes: [] };
    return buildSarif(r).runs[0]!.results.map((x) => ({ rule: x.ruleId, line: x.locations[0]!.physicalLocation.region.startLine, fp: x.partialFingerprints[FINGERPRINT_KEY] }));
  };

  it('stay the same when lines shift and whitespace changes', () => {
    const before = fp(sql);
    const after = fp(`-- a new header comment\n\n\n${sql.replace('orders   DROP', 'orders\n    DROP')}`);
    expect(before.map((x) => x.rule)).toEqual(after.map((x) => x.rule));
    expect(after.map((x) => x.line)).not.toEqual(before.map((x) => x.line));
    expect(after.map((x) => x.fp)).toEqual(before.map((x) => x.fp));
  });

  it('differ between findings, files and statements; repeats of one statement are numbered', () => {
    const a = fp(sql);
    expect(new Set(a.map((x) => x.fp)).size).toBe(a.length);
    expect(fp(sql, 'other.sql')[0]!.fp).not.toBe(a[0]!.fp);
    const twice = fp(`SET lock_timeout = '5s';\nALTER TABLE t DROP COLUMN c;\nALTER TABLE t DROP COLUMN c;\n`);
    expect(twice.map((x) => x.fp.split(':')[1])).toEqual(['1', '2']);
    expect(twice[0]!.fp.split(':')[0]).toBe(twice[1]!.fp.split(':')[0]);
  });

  it('renderSarif is the same document as JSON', () => {
    expect(JSON.parse(renderSarif(fixture, OPTS))).toEqual(JSON.parse(JSON.stringify(buildSarif(fixture, OPTS))));
  });
});
