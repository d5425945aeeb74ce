/** The report formats: one file each in src/report/, listed here for `--format`. */
import type { LintResult } from '../lint.js';
import { renderText } from './text.js';
import { renderJson } from './json.js';
import { renderGithub } from './github.js';
import { renderSarif } from './sarif.js';
import { renderJunit } from './junit.js';
import { renderGitlab } from './gitlab.js';
import { renderMarkdown } from './markdown.js';
import type { ReportOptions } from './options.js';

export type { ReportOptions, GateSummary } from './options.js';

export interface ReportFormat {
  name: string;
  description: string;
  /** Usual file name for --output, used in docs and `migsafe init`. */
  defaultFile: string;
  render(result: LintResult, opts: ReportOptions): string;
}

export const FORMATS: readonly ReportFormat[] = [
  { name: 'text', description: 'human-readable, with code frames (default)', defaultFile: 'migsafe.txt', render: (r, o) => renderText(r, { color: o.color ?? false, showSuppressed: o.showSuppressed }) },
  { name: 'json', description: 'JSON report, version 1', defaultFile: 'migsafe.json', render: (r) => renderJson(r) },
  { name: 'github', description: 'GitHub Actions annotations', defaultFile: 'migsafe.annotations.txt', render: (r) => renderGithub(r) },
  { name: 'sarif', description: 'SARIF 2.1.0 for GitHub code scanning', defaultFile: 'migsafe.sarif', render: renderSarif },
  { name: 'junit', description: 'JUnit XML test report (GitLab, Jenkins, CircleCI)', defaultFile: 'migsafe-junit.xml', render: renderJunit },
  { name: 'gitlab', description: 'GitLab Code Quality report', defaultFile: 'gl-code-quality-report.json', render: renderGitlab },
  { name: 'markdown', description: 'PR summary comment', defaultFile: 'migsafe.md', render: renderMarkdown },
];

export const FORMAT_NAMES: readonly string[] = FORMATS.map((f) => f.name);

export function getFormat(name: string): ReportFormat | undefined {
  return FORMATS.find((f) => f.name === name);
}
