/**
 * GitLab Code Quality report: a JSON array of issues (description, check_name, fingerprint,
 * severity, location.path, location.lines.begin). Suppressed findings are left out: Code Quality
 * has no notion of an accepted issue. Fingerprints are the same stable hashes as SARIF's.
 */
import type { LintResult } from '../lint.js';
import { locate } from './located.js';
import { ruleDocUrl } from './docs.js';
import { fingerprints, repoPath, type ReportOptions } from './options.js';

/** Code Quality severities: info, minor, major, critical, blocker. */
const severity = (s: string) => (s === 'error' ? 'critical' : s === 'warning' ? 'minor' : 'info');

export function buildGitlab(result: LintResult, opts: ReportOptions = {}) {
  const { located, indexes } = locate(result);
  const prints = fingerprints(result, located, indexes, opts);
  const issues = [];
  for (let i = 0; i < located.length; i++) {
    const f = located[i]!;
    if (f.suppressed) continue;
    issues.push({
      type: 'issue',
      description: `${f.rule}: ${f.message}`,
      check_name: f.rule,
      fingerprint: prints[i]!,
      severity: severity(f.severity),
      categories: ['Bug Risk'],
      content: { body: `${f.help}\n\n[${f.rule} docs](${ruleDocUrl(f.rule)})` },
      location: { path: repoPath(f.file, opts), lines: { begin: f.line, end: Math.max(f.line, f.endLine) } },
    });
  }
  return issues;
}

export function renderGitlab(result: LintResult, opts: ReportOptions = {}): string {
  return JSON.stringify(buildGitlab(result, opts), null, 2) + '\n';
}
