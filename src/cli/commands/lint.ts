import { lint } from '../../lint.js';
import { loadConfig } from '../../config/load.js';
import { ruleIds } from '../../../rules/index.js';
import { UsageError } from '../../errors.js';
import { renderText } from '../../report/text.js';
import { renderJson } from '../../report/json.js';
import { renderGithub } from '../../report/github.js';
import { summarize } from '../../report/located.js';
import type { CommandIO } from '../io.js';

export interface LintFlags {
  format?: string;
  failOn?: string;
  pgVersion?: string;
  config?: string;
  showSuppressed?: boolean;
}

const FORMATS = ['text', 'json', 'github'] as const;

export async function lintCommand(paths: string[], flags: LintFlags, io: CommandIO): Promise<number> {
  const format = flags.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format "${format}" (expected one of: ${FORMATS.join(', ')})`);
  if (flags.failOn && flags.failOn !== 'error' && flags.failOn !== 'warning') throw new UsageError(`--fail-on must be "error" or "warning", not "${flags.failOn}"`);
  let pgVersion: number | undefined;
  if (flags.pgVersion !== undefined) {
    pgVersion = Number(flags.pgVersion);
    if (!Number.isInteger(pgVersion) || pgVersion < 9 || pgVersion > 30) throw new UsageError(`--pg-version must be a PostgreSQL major version such as 15, not "${flags.pgVersion}"`);
  }
  const config = loadConfig(io.cwd, flags.config, ruleIds);
  if (pgVersion !== undefined) config.pgVersion = pgVersion;
  if (flags.failOn) config.failOn = flags.failOn as 'error' | 'warning';

  const result = await lint({ paths, cwd: io.cwd, config });
  for (const p of result.fileProblems) io.err(`migsafe: ${p.file}: ${p.message}`);
  for (const n of result.notes) io.err(`migsafe: note: ${n}`);

  const out =
    format === 'json' ? renderJson(result) : format === 'github' ? renderGithub(result) : renderText(result, { color: io.color, showSuppressed: flags.showSuppressed });
  io.out(out);

  if (result.fileProblems.length) return 2;
  const s = summarize(result);
  const failing = config.failOn === 'warning' ? s.errors + s.warnings : s.errors;
  return failing > 0 ? 1 : 0;
}

