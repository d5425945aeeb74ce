import { activeRules, lint } from '../../lint.js';
import { loadConfig } from '../../config/load.js';
import { ruleIds } from '../../../rules/index.js';
import { UsageError } from '../../errors.js';
import { repoRootOf, resolveTargets, toTokens, writeFileAtomic, type FormatToken } from '../format-args.js';
import { summarize } from '../../report/located.js';
import type { CommandIO } from '../io.js';
import { dirname, join, relative, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { applyBaseline, DEFAULT_BASELINE, readBaseline } from '../../baseline.js';
import type { ResolvedConfig } from '../../config/schema.js';

/** Paths in the baseline are relative to this: the config's directory, or the found file's. */
export const baselineRoot = (config: ResolvedConfig, file: string) => (config.file || config.baseline ? config.root : dirname(file));

/**
 * The baseline file: as configured (relative to the config file), else the nearest
 * .migsafe-baseline.json from the working directory up, so lint from a subdirectory still finds
 * the one committed at the top; else a new one in the working directory.
 */
export function baselinePath(config: ResolvedConfig): string {
  if (config.file || config.baseline) return resolve(config.root, config.baseline ?? DEFAULT_BASELINE);
  for (let dir = resolve(config.root); ; dir = dirname(dir)) {
    const candidate = join(dir, DEFAULT_BASELINE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return resolve(config.root, DEFAULT_BASELINE);
  }
}

export interface LintFlags {
  /** One format name, or the ordered --format/--output tokens from the CLI (see format-args.ts). */
  format?: string | readonly string[] | readonly FormatToken[];
  output?: string | readonly string[] | readonly FormatToken[];
  failOn?: string;
  pgVersion?: string;
  config?: string;
  showSuppressed?: boolean;
  base?: string;
  staged?: boolean;
  releaseRef?: string;
  /** Compare a detached HEAD with --base (implied in CI). */
  allowDetached?: boolean;
  /** false with --no-baseline: report findings recorded in the baseline file too. */
  baseline?: boolean;
  /** Also list skipped files (Python files that are not Alembic revisions). */
  verbose?: boolean;
}

export async function lintCommand(paths: string[], flags: LintFlags, io: CommandIO): Promise<number> {
  const targets = resolveTargets(toTokens(flags.format, flags.output), io.cwd);
  if (flags.failOn && flags.failOn !== 'error' && flags.failOn !== 'warning') throw new UsageError(`--fail-on must be "error" or "warning", not "${flags.failOn}"`);
  let pgVersion: number | undefined;
  if (flags.pgVersion !== undefined) {
    pgVersion = Number(flags.pgVersion);
    if (!Number.isInteger(pgVersion) || pgVersion < 9 || pgVersion > 30) throw new UsageError(`--pg-version must be a PostgreSQL major version such as 15, not "${flags.pgVersion}"`);
  }
  const config = loadConfig(io.cwd, flags.config, ruleIds);
  if (pgVersion !== undefined) config.pgVersion = pgVersion;
  if (flags.failOn) config.failOn = flags.failOn as 'error' | 'warning';

  if (flags.releaseRef && !flags.base && !flags.staged) throw new UsageError('--release-ref needs --base <ref> or --staged');
  if (flags.allowDetached && !flags.base) throw new UsageError('--allow-detached goes with --base <ref>');
  const changeset = flags.base || flags.staged
    ? { base: flags.base, staged: flags.staged, releaseRef: flags.releaseRef, allowDetached: !!flags.allowDetached || !!io.ci }
    : undefined;
  const result = await lint({ paths, cwd: io.cwd, config, changeset });
  if (flags.baseline !== false) {
    const file = baselinePath(config);
    const b = readBaseline(file);
    if (b) {
      const n = applyBaseline(result, b, relative(io.cwd, file) || file, io.cwd, baselineRoot(config, file));
      if (n) io.err(`migsafe: note: ${n} finding(s) are in the baseline ${relative(io.cwd, file) || file} and do not count`);
    }
  }
  for (const p of result.fileProblems) io.err(`migsafe: ${p.file}: ${p.message}`);
  for (const n of result.notes) io.err(`migsafe: note: ${n}`);
  if (flags.verbose) for (const n of result.verboseNotes ?? []) io.err(`migsafe: note: ${n}`);

  const report = {
    showSuppressed: flags.showSuppressed, failOn: config.failOn, rulesChecked: [...activeRules(config).keys()], cwd: io.cwd, root: repoRootOf(io.cwd),
  };
  for (const t of targets) {
    if (t.file === null) continue;
    writeFileAtomic(t.file, (await t.format.load())(result, { ...report, color: false }), `--output ${t.display}`);
    io.err(`migsafe: wrote ${t.format.name} report to ${t.display}`);
  }
  for (const t of targets) if (t.file === null) io.out((await t.format.load())(result, { ...report, color: io.color }));

  if (result.fileProblems.length) return 2;
  const s = summarize(result);
  const failing = config.failOn === 'warning' ? s.errors + s.warnings : s.errors;
  return failing > 0 ? 1 : 0;
}

