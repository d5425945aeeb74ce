/** What every report format may be told beyond the LintResult, and helpers the CI formats share. */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FindingSeverity } from '../engine/finding.js';
import type { LintResult } from '../lint.js';
import type { Located } from './located.js';
import type { LineIndex } from './line-index.js';

/** The rollback gate's outcome, for the markdown PR summary (absent when no gate ran). */
export interface GateSummary {
  verdict: 'passed' | 'failed' | 'error';
  /** One line, e.g. "downgrade 3f2a → 1c0d restored every row". */
  headline: string;
  steps?: { name: string; status: 'passed' | 'failed' | 'skipped' | 'error'; detail?: string }[];
}

export interface ReportOptions {
  /** ANSI colour (text format only). */
  color?: boolean;
  /** Text format: also print suppressed findings. */
  showSuppressed?: boolean;
  /** Lowest severity that fails the run; decides JUnit failures and the markdown verdict. Default 'error'. */
  failOn?: 'error' | 'warning';
  /** Rule ids that ran (JUnit has one testcase per rule checked). Default: every rule in the registry. */
  rulesChecked?: readonly string[];
  /** Finding paths are relative to `cwd`; CI formats rewrite them relative to `root` (the repository root). */
  cwd?: string;
  root?: string;
  gate?: GateSummary;
}

/** A finding's path relative to the repository root, with forward slashes. */
export function repoPath(file: string, opts: ReportOptions): string {
  if (!opts.cwd || !opts.root) return file;
  const abs = isAbsolute(file) ? file : resolve(opts.cwd, file);
  const rel = relative(opts.root, abs);
  return (rel || file).split(sep).join('/');
}

/** Does a finding of this severity fail the run? */
export function fails(severity: FindingSeverity, failOn: 'error' | 'warning' = 'error'): boolean {
  return severity === 'error' || (failOn === 'warning' && severity === 'warning');
}

/** Most severe first. */
export const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };
export const rankOf = (s: string) => SEVERITY_RANK[s] ?? 3;

/**
 * Fingerprints that survive lines shifting: a hash of the rule, the repo-relative file, the
 * message id and data, and the finding's statement text with whitespace collapsed; never a line
 * number. Identical keys in one file (the same statement twice) are told apart by `:n`, in order.
 */
/**
 * Message data that changes while the finding stays the same one, so it is not part of the
 * fingerprint: the list of a migration's other steps (mixed-phases), the code lines that still
 * use a column (contract-still-referenced), the first edited line (edited-released-migration).
 */
const VOLATILE = new Set(['expand', 'contract', 'refs', 'line']);

export function fingerprints(result: LintResult, located: Located[], indexes: Map<string, LineIndex>, opts: ReportOptions): string[] {
  const sources = new Map(result.migrations.map((m) => [m.file, m.source] as const));
  const seen = new Map<string, number>();
  return located.map((f) => {
    const src = sources.get(f.file);
    let text = src && f.end > f.start ? src.sliceBytes(f.start, f.end) : '';
    if (!text.trim()) text = indexes.get(f.file)?.lineText(f.line) ?? '';
    const normalized = text.replace(/\s+/g, ' ').trim();
    const data = Object.keys(f.data).filter((k) => !VOLATILE.has(k)).sort().map((k) => [k, f.data[k]]);
    const key = createHash('sha256')
      .update(JSON.stringify([f.rule, repoPath(f.file, opts), f.messageId, data, normalized]))
      .digest('hex')
      .slice(0, 32);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${key}:${n}`;
  });
}

/** Every file the report talks about, in order: linted migrations, files with findings, unreadable files. */
export function reportFiles(result: LintResult): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const m of result.migrations) add(m.file);
  for (const f of result.findings) add(f.file);
  for (const p of result.fileProblems) add(p.file);
  return files;
}
