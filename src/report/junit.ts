/**
 * JUnit XML for GitLab, Jenkins and CircleCI test reports: one <testsuite> per migration file,
 * one <testcase> per rule checked. A rule with findings at or above the fail level is a
 * <failure> carrying every finding's message and location; one whose findings were all
 * suppressed is <skipped> with the reasons; lower-severity findings pass and are listed in
 * <system-out>. A file that could not be read is one testcase with an <error>. Clean files pass.
 */
import { rules as registry } from '../../rules/index.js';
import type { LintResult } from '../lint.js';
import { locate, type Located } from './located.js';
import { ruleDocUrl } from './docs.js';
import { fails, rankOf, repoPath, reportFiles, type ReportOptions } from './options.js';

/** XML 1.0 element text: escape markup, and replace characters XML cannot carry at all. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
/** Attribute values: quotes escaped too, and newlines and tabs kept as character references. */
const attr = (s: string | number) =>
  xmlEscape(String(s)).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

const where = (f: Located, path: string) => `${path}:${f.line}:${f.column}`;
const describe = (f: Located, path: string) =>
  `${where(f, path)} ${f.severity} ${f.rule}${f.direction === 'downgrade' ? ' [downgrade]' : f.language === 'python' ? ' [upgrade]' : ''}\n${f.message}\nhelp: ${f.help}\ndocs: ${ruleDocUrl(f.rule)}`;

export function renderJunit(result: LintResult, opts: ReportOptions = {}): string {
  const { located } = locate(result);
  const failOn = opts.failOn ?? 'error';
  const checked = new Set(opts.rulesChecked ?? registry.map((r) => r.meta.id));
  for (const f of located) checked.add(f.rule);
  const ruleIds = [...checked].sort();
  const byFile = new Map<string, Located[]>();
  for (const f of located) {
    let list = byFile.get(f.file);
    if (!list) byFile.set(f.file, (list = []));
    list.push(f);
  }
  // An Alembic revision is two migrations (upgrade and downgrade) of one file.
  const migrations = new Map<string, { directions: string[]; language: string }>();
  for (const m of result.migrations) {
    const e = migrations.get(m.file);
    if (!e) migrations.set(m.file, { directions: [m.direction], language: m.language });
    else if (!e.directions.includes(m.direction)) e.directions.push(m.direction);
  }
  const problems = new Map(result.fileProblems.map((p) => [p.file, p] as const));

  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites: string[] = [];
  for (const file of reportFiles(result)) {
    const path = repoPath(file, opts);
    const cases: string[] = [];
    const count = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const problem = problems.get(file);
    if (problem) {
      count.tests++;
      count.errors++;
      cases.push(
        `    <testcase name="read" classname="${attr(path)}" file="${attr(path)}" time="0">\n` +
          `      <error message="${attr(problem.message)}" type="unreadable">${xmlEscape(`${path}: ${problem.message}`)}</error>\n` +
          `    </testcase>`,
      );
    }
    const findings = byFile.get(file) ?? [];
    if (migrations.has(file) || findings.length) {
      for (const id of ruleIds) {
        const mine = findings.filter((f) => f.rule === id);
        const active = mine.filter((f) => !f.suppressed);
        const failing = active.filter((f) => fails(f.severity, failOn)).sort((a, b) => rankOf(a.severity) - rankOf(b.severity));
        const quiet = active.filter((f) => !fails(f.severity, failOn));
        const suppressed = mine.filter((f) => f.suppressed);
        const head = `    <testcase name="${attr(id)}" classname="${attr(path)}" file="${attr(path)}"${mine[0] ? ` line="${mine[0].line}"` : ''} time="0"`;
        const out: string[] = [];
        if (quiet.length) out.push(...quiet.map((f) => describe(f, path)));
        if (suppressed.length) out.push(...suppressed.map((f) => `${where(f, path)} suppressed ${f.rule}: ${f.suppressed!.reason}`));
        const systemOut = out.length ? `      <system-out>${xmlEscape(out.join('\n\n'))}</system-out>\n` : '';
        count.tests++;
        if (failing.length) {
          count.failures++;
          const first = failing[0]!;
          const message = failing.length === 1 ? `${where(first, path)}: ${first.message}` : `${failing.length} findings; first at ${where(first, path)}: ${first.message}`;
          cases.push(
            `${head}>\n      <failure message="${attr(message)}" type="${attr(first.severity)}">${xmlEscape(failing.map((f) => describe(f, path)).join('\n\n'))}</failure>\n${systemOut}    </testcase>`,
          );
        } else if (suppressed.length && !quiet.length) {
          count.skipped++;
          const reasons = [...new Set(suppressed.map((f) => f.suppressed!.reason))].join('; ');
          cases.push(`${head}>\n      <skipped message="${attr(`suppressed: ${reasons}`)}"/>\n${systemOut}    </testcase>`);
        } else if (systemOut) {
          cases.push(`${head}>\n${systemOut}    </testcase>`);
        } else {
          cases.push(`${head}/>`);
        }
      }
    }
    const m = migrations.get(file);
    const props = m
      ? `    <properties>\n      <property name="direction" value="${attr(m.directions.join(', '))}"/>\n      <property name="language" value="${attr(m.language)}"/>\n    </properties>\n`
      : '';
    suites.push(
      `  <testsuite name="${attr(path)}" tests="${count.tests}" failures="${count.failures}" errors="${count.errors}" skipped="${count.skipped}" time="0" file="${attr(path)}">\n` +
        props +
        cases.map((c) => c + '\n').join('') +
        `  </testsuite>`,
    );
    totals.tests += count.tests;
    totals.failures += count.failures;
    totals.errors += count.errors;
    totals.skipped += count.skipped;
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="migsafe" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="0">\n` +
    suites.map((s) => s + '\n').join('') +
    `</testsuites>\n`
  );
}
