/**
 * `--format` and `--output`, repeatable. Each `--output <file>` belongs to the `--format` just
 * before it; a format without one writes to standard output:
 *
 *   migsafe lint --format github --format sarif --output migsafe.sarif
 *     → annotations on stdout, SARIF in migsafe.sarif
 *
 * The CLI collects both options into one ordered token list (format-tokens.ts).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { FORMAT_NAMES, getFormat, type ReportFormat } from '../report/index.js';
import type { FormatToken } from './format-tokens.js';

export type { FormatToken } from './format-tokens.js';
export { writeFileAtomic } from './atomic-write.js';

export interface OutputTarget {
  format: ReportFormat;
  /** Absolute path, or null for standard output. */
  file: string | null;
  /** The path as the user wrote it, for messages. */
  display: string | null;
}

type Flag = string | readonly string[] | readonly FormatToken[] | undefined;

/** Normalise what commander (or a direct caller) passed into one ordered token list. */
export function toTokens(format: Flag, output: Flag): FormatToken[] {
  const isTokens = (x: Flag): x is readonly FormatToken[] => Array.isArray(x) && x.length > 0 && typeof x[0] === 'object';
  if (isTokens(format)) return [...format];
  if (isTokens(output)) return [...output];
  const list = (x: Flag) => (x === undefined ? [] : typeof x === 'string' ? [x] : (x as readonly string[]));
  return [...list(format).map((value) => ({ kind: 'format' as const, value })), ...list(output).map((value) => ({ kind: 'output' as const, value }))];
}

/** Pair formats with outputs and reject anything ambiguous, before any linting happens. */
export function resolveTargets(tokens: readonly FormatToken[], cwd: string, defaultFormat = 'text'): OutputTarget[] {
  const hasFormat = tokens.some((t) => t.kind === 'format');
  const pairs: { format: string; output: string | null }[] = hasFormat ? [] : [{ format: defaultFormat, output: null }];
  for (const t of tokens) {
    if (t.kind === 'format') {
      pairs.push({ format: t.value, output: null });
      continue;
    }
    const last = pairs[pairs.length - 1];
    if (!last) throw new UsageError(`--output ${t.value} comes before any --format; put it right after the format it is for (e.g. --format sarif --output ${t.value})`);
    if (last.output !== null) throw new UsageError(`--format ${last.format} has two --output files (${last.output}, ${t.value}); give one --output per --format`);
    last.output = t.value;
  }

  const targets: OutputTarget[] = [];
  const seenFormat = new Set<string>();
  const byFile = new Map<string, string>();
  let stdoutFormat: string | null = null;
  for (const p of pairs) {
    const format = getFormat(p.format);
    if (!format) throw new UsageError(`unknown --format "${p.format}" (expected one of: ${FORMAT_NAMES.join(', ')})`);
    if (seenFormat.has(p.format)) throw new UsageError(`--format ${p.format} is given twice; give each format once, with its own --output`);
    seenFormat.add(p.format);
    if (p.output === null) {
      if (stdoutFormat !== null) {
        throw new UsageError(`--format ${stdoutFormat} and --format ${p.format} would both write to standard output; add --output <file> after all but one of them`);
      }
      stdoutFormat = p.format;
      targets.push({ format, file: null, display: null });
      continue;
    }
    if (p.output === '' || p.output === '-') {
      throw new UsageError(`--output needs a file name${p.output === '-' ? ' (leave --output out to write to standard output)' : ''}`);
    }
    const abs = resolve(cwd, p.output);
    const other = byFile.get(abs);
    if (other) throw new UsageError(`--format ${other} and --format ${p.format} would both write to ${p.output}; give each its own --output`);
    byFile.set(abs, p.format);
    checkWritable(abs, p.output);
    targets.push({ format, file: abs, display: p.output });
  }
  return targets;
}

/** Fail early (before linting) when an output file cannot be written. */
export function checkWritable(abs: string, display: string): void {
  const fail = (why: string) => {
    throw new UsageError(`cannot write --output ${display}: ${why}`);
  };
  try {
    const st = statSync(abs);
    if (st.isDirectory()) fail('it is a directory');
    accessSync(abs, constants.W_OK);
    return;
  } catch (e: any) {
    if (e instanceof UsageError) throw e;
    if (e?.code === 'EACCES' || e?.code === 'EPERM' || e?.code === 'EROFS') fail('permission denied');
    if (e?.code === 'ENOTDIR') fail(`${nearestNonDirectory(abs) ?? 'a parent'} is not a directory`);
    if (e?.code !== 'ENOENT') fail(e?.code ?? String(e?.message ?? e));
  }
  // Missing file: the nearest existing ancestor must be a writable directory (missing ones are created).
  let dir = dirname(abs);
  for (;;) {
    try {
      const st = statSync(dir);
      if (!st.isDirectory()) fail(`${dir} is not a directory`);
      accessSync(dir, constants.W_OK);
      return;
    } catch (e: any) {
      if (e instanceof UsageError) throw e;
      if (e?.code === 'ENOENT') {
        const up = dirname(dir);
        if (up === dir) fail('no such directory');
        dir = up;
        continue;
      }
      if (e?.code === 'ENOTDIR') fail(`${nearestNonDirectory(dir) ?? dir} is not a directory`);
      fail(e?.code === 'EACCES' || e?.code === 'EPERM' || e?.code === 'EROFS' ? `cannot write in ${dir} (permission denied)` : String(e?.code ?? e?.message ?? e));
    }
  }
}

function nearestNonDirectory(p: string): string | null {
  let dir = p;
  for (;;) {
    try {
      if (!statSync(dir).isDirectory()) return dir;
    } catch {
      /* keep going up */
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** The repository root (nearest directory with .git) above `cwd`, or `cwd` itself outside a repository. */
export function repoRootOf(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    try {
      statSync(join(dir, '.git'));
      return dir;
    } catch {
      /* not here */
    }
    const up = dirname(dir);
    if (up === dir) return resolve(cwd);
    dir = up;
  }
}
