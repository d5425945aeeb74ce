/** JUnit XML, parsed with an XML parser and checked structurally, plus snapshots. */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { rules } from '../rules/index.js';
import { renderJunit, xmlEscape } from '../src/report/junit.js';
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

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  htmlEntities: true, // also decode numeric character references (&#10;)
  isArray: (name) => ['testsuite', 'testcase', 'property', 'failure', 'skipped', 'error'].includes(name),
});

interface Case {
  name: string;
  classname: string;
  failure?: { '#text': string; message: string; type: string }[];
  skipped?: { message: string }[];
  error?: { '#text': string; message: string }[];
  'system-out'?: string;
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  testcase: Case[];
  properties?: { property: { name: string; value: string }[] };
}

function parse(xml: string): { testsuites: { tests: string; failures: string; testsuite?: Suite[] } } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) expect.fail(JSON.stringify(valid));
  return parser.parse(xml);
}

const suite = (doc: ReturnType<typeof parse>, name: string) => doc.testsuites.testsuite!.find((s) => s.name === name)!;
const tc = (s: Suite, name: string) => s.testcase.find((c) => c.name === name)!;

describe('junit', () => {
  it('one testsuite per migration file, one testcase per rule checked', () => {
    const doc = parse(renderJunit(fixture, OPTS));
    const names = doc.testsuites.testsuite!.map((s) => s.name);
    expect(names).toEqual([...new Set(fixture.migrations.map((m) => m.file))]);
    // the rules checked, plus any rule that reported something (e.g. whole-migration and release rules)
    const expected = [...new Set([...OPTS.rulesChecked!, ...fixture.findings.map((f) => f.rule)])].sort();
    for (const s of doc.testsuites.testsuite!) {
      expect(s.testcase.map((c) => c.name)).toEqual(expected);
      expect(Number(s.tests)).toBe(s.testcase.length);
      expect(Number(s.failures)).toBe(s.testcase.filter((c) => c.failure).length);
      expect(Number(s.skipped)).toBe(s.testcase.filter((c) => c.skipped).length);
    }
    const total = doc.testsuites.testsuite!.reduce((n, s) => n + Number(s.failures), 0);
    expect(Number(doc.testsuites.failures)).toBe(total);
  });

  it('by default every rule in the registry is a testcase', () => {
    const doc = parse(renderJunit(clean, { failOn: 'error' }));
    expect(doc.testsuites.testsuite![0]!.testcase.map((c) => c.name)).toEqual(rules.map((r) => r.meta.id));
  });

  it('failures carry the message and location; warnings below --fail-on pass with system-out', () => {
    const s = suite(parse(renderJunit(fixture, OPTS)), 'fixtures/report/001_orders.sql');
    const fk = tc(s, 'constraint-not-valid').failure![0]!;
    expect(fk.type).toBe('error');
    expect(fk.message).toMatch(/^fixtures\/report\/001_orders\.sql:3:1: Adding FOREIGN KEY "orders_user_fk"/);
    expect(fk['#text']).toMatch(/help: Add the constraint with NOT VALID/);
    expect(fk['#text']).toContain('docs: https://github.com/migsafe/migsafe/blob/main/rules/constraint-not-valid/README.md');
    expect(tc(s, 'prefer-text').failure).toBeUndefined();
    expect(tc(s, 'prefer-text')['system-out']).toMatch(/001_orders\.sql:4:1 warning prefer-text/);
    expect(tc(s, 'drop-column').failure).toBeUndefined();
    // --fail-on warning turns warnings into failures
    const w = suite(parse(renderJunit(fixture, { ...OPTS, failOn: 'warning' })), 'fixtures/report/001_orders.sql');
    expect(tc(w, 'prefer-text').failure![0]!.type).toBe('warning');
  });

  it('a clean file shows up with every testcase passed', () => {
    const s = suite(parse(renderJunit(fixture, OPTS)), 'fixtures/report/004_clean.sql');
    expect(s.testcase.length).toBeGreaterThanOrEqual(OPTS.rulesChecked!.length);
    expect(s.testcase.every((c) => !c.failure && !c.skipped && !c.error)).toBe(true);
    expect(s.failures).toBe('0');
  });

  it('suppressed findings are skipped testcases with the reason; syntax errors fail', () => {
    const doc = parse(renderJunit(fixture, OPTS));
    const sup = tc(suite(doc, 'fixtures/report/002_suppressed.sql'), 'drop-column');
    expect(sup.failure).toBeUndefined();
    expect(sup.skipped![0]!.message).toBe('suppressed: users.legacy_flag unused since release 42 (PR #1234)');
    const syn = tc(suite(doc, 'fixtures/report/003_syntax_error.sql'), 'syntax-error');
    expect(syn.failure![0]!.message).toMatch(/^fixtures\/report\/003_syntax_error\.sql:2:22: /);
  });

  it('an Alembic revision is one suite covering upgrade() and downgrade()', () => {
    const s = suite(parse(renderJunit(fixture, OPTS)), ALEMBIC_FILE);
    expect(s.properties!.property).toEqual([
      { name: 'direction', value: 'upgrade, downgrade' },
      { name: 'language', value: 'python' },
    ]);
    expect(tc(s, 'require-concurrent-index').failure![0]!.message).toMatch(/:16:5: Building index "users_nickname_idx"/);
    // rename-column: suppressed in upgrade(), reported in downgrade()
    const rename = tc(s, 'rename-column');
    expect(rename.failure![0]!['#text']).toMatch(/:23:5 error rename-column \[downgrade\]/);
    expect(rename['system-out']).toMatch(/:18:5 suppressed rename-column: users\.handle is read by nothing since release 41/);
  });

  it('an unreadable file is a testcase with an <error>', () => {
    const doc = parse(renderJunit({ ...clean, fileProblems: [{ file: 'db/bin.sql', message: 'binary file (NUL byte at offset 5), not SQL text' }] }, OPTS));
    const s = suite(doc, 'db/bin.sql');
    expect(s.errors).toBe('1');
    expect(s.testcase[0]!.error![0]!.message).toMatch(/binary file/);
  });

  it('zero migrations: an empty, valid report', () => {
    const doc = parse(renderJunit({ migrations: [], findings: [], fileProblems: [], notes: [] }, OPTS));
    expect(doc.testsuites.tests).toBe('0');
    expect(doc.testsuites.testsuite).toBeUndefined();
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape('a < b && c > d "q" \u0001')).toBe('a &lt; b &amp;&amp; c &gt; d "q" \uFFFD');
    const r: LintResult = { ...clean, fileProblems: [{ file: 'x<&>".sql', message: 'bad \u0000 "byte" <here>\nline 2' }] };
    const doc = parse(renderJunit(r, OPTS));
    expect(doc.testsuites.testsuite![1]!.name).toBe('x<&>".sql');
    expect(doc.testsuites.testsuite![1]!.testcase[0]!.error![0]!.message).toBe('bad \uFFFD "byte" <here>\nline 2');
  });

  it('snapshot: fixture set', async () => {
    await expect(renderJunit(fixture, OPTS)).toMatchFileSnapshot(join(SNAPSHOTS, 'fixture.junit.xml'));
  });

  it('snapshot: zero findings', async () => {
    await expect(renderJunit(clean, OPTS)).toMatchFileSnapshot(join(SNAPSHOTS, 'clean.junit.xml'));
  });
});
