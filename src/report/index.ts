/** The report formats: one file each in src/report/, listed here for `--format`. */
import type { LintResult } from '../lint.js';
import type { ReportOptions } from './options.js';

export type { ReportOptions, GateSummary } from './options.js';

type Render = (result: LintResult, opts: ReportOptions) => string;

export interface ReportFormat {
  name: string;
  description: string;
  /** Usual file name for --output, used in docs and `migsafe init`. */
  defaultFile: string;
  /** Loads only the chosen format's module (cold start: a lint run imports one reporter, not seven). */
  load(): Promise<Render>;
}

export const FORMATS: readonly ReportFormat[] = [
  { name: 'text', description: 'human-readable, with code frames (default)', defaultFile: 'migsafe.txt', load: async () => { const { renderText } = await import('./text.js'); return (r, o) => renderText(r, { color: o.color ?? false, showSuppressed: o.showSuppressed }); } },
  { name: 'json', description: 'JSON report, version 1', defaultFile: 'migsafe.json', load: async () => { const { renderJson } = await import('./json.js'); return (r) => renderJson(r); } },
  { name: 'github', description: 'GitHub Actions annotations', defaultFile: 'migsafe.annotations.txt', load: async () => { const { renderGithub } = await import('./github.js'); return (r) => renderGithub(r); } },
  { name: 'sarif', description: 'SARIF 2.1.0 for GitHub code scanning', defaultFile: 'migsafe.sarif', load: async () => (await import('./sarif.js')).renderSarif },
  { name: 'junit', description: 'JUnit XML test report (GitLab, Jenkins, CircleCI)', defaultFile: 'migsafe-junit.xml', load: async () => (await import('./junit.js')).renderJunit },
  { name: 'gitlab', description: 'GitLab Code Quality report', defaultFile: 'gl-code-quality-report.json', load: async () => (await import('./gitlab.js')).renderGitlab },
  { name: 'markdown', description: 'PR summary comment', defaultFile: 'migsafe.md', load: async () => (await import('./markdown.js')).renderMarkdown },
];

export const FORMAT_NAMES: readonly string[] = FORMATS.map((f) => f.name);

export function getFormat(name: string): ReportFormat | undefined {
  return FORMATS.find((f) => f.name === name);
}
