import { existsSync, readFileSync, statSync } from 'node:fs';
import { LineIndex } from '../report/line-index.js';
import { SourceText } from '../sources/source-text.js';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { stripJsonComments } from './jsonc.js';
import { DEFAULT_CODE_SEARCH } from '../release/references.js';
import { configSchema, DEFAULT_EXCLUDE, DEFAULT_INCLUDE, type ResolvedConfig } from './schema.js';

export const CONFIG_NAMES = ['migsafe.config.json', '.migsafe.json'];

/** Walk up from `cwd` to the filesystem root looking for a config file. */
export function findConfig(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p) && statSync(p).isFile()) return p;
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * Load and validate a config. `explicit` is the --config path (must exist).
 * `knownRules` validates the keys of `rules`.
 */
export function loadConfig(cwd: string, explicit: string | undefined, knownRules: ReadonlySet<string>): ResolvedConfig {
  const file = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  const base: ResolvedConfig = {
    file: null, root: resolve(cwd), rules: {}, pgVersion: 15, include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE,
    failOn: 'error', assumeInTransaction: false,
  };
  if (!file) return base;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e: any) {
    throw new ConfigError(`${file}: cannot read config file (${e?.code === 'ENOENT' ? 'no such file' : e?.code ?? e?.message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(stripJsonComments(text));
  } catch (e: any) {
    const msg = String(e?.message ?? e).replace(/^JSON\.parse: /, '');
    // V8 says "at position N" (a UTF-16 offset into the comment-stripped text, which keeps offsets)
    const at = /at position (\d+)/.exec(msg);
    let where = '';
    if (at) {
      const src = new SourceText(text);
      const pos = new LineIndex(src).position(src.byteAt(Number(at[1])));
      where = `:${pos.line}:${pos.column}`;
    }
    throw new ConfigError(`${file}${where}: invalid JSON (${msg})`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    // every problem at once, on one line, so one edit fixes the file
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? (issue as any).keys.join(', ') : '(root)');
      const msg = issue.code === 'unrecognized_keys' ? `unknown key "${(issue as any).keys.join('", "')}"` : issue.message;
      return `${key}: ${msg}`;
    });
    throw new ConfigError(`${file}: ${problems.join('; ')}`);
  }
  const c = parsed.data;
  for (const id of Object.keys(c.rules)) {
    if (!knownRules.has(id)) throw new ConfigError(`${file}: rules.${id}: unknown rule "${id}" (run \`migsafe rules\` for the list)`);
  }
  for (const key of ['include', 'exclude'] as const) {
    c.codeSearch?.[key]?.forEach((glob, i) => {
      const problem = codeSearchGlobProblem(glob);
      if (problem) throw new ConfigError(`${file}: codeSearch.${key}[${i}]: "${glob}" ${problem}`);
    });
  }
  return {
    file,
    root: dirname(file),
    rules: c.rules,
    pgVersion: c.pgVersion ?? 15,
    include: c.include ?? DEFAULT_INCLUDE,
    exclude: [...DEFAULT_EXCLUDE, ...(c.exclude ?? [])],
    failOn: c.failOn ?? 'error',
    assumeInTransaction: c.assumeInTransaction ?? false,
    releaseTags: c.releaseTags,
    codeSearch: c.codeSearch
      ? { include: c.codeSearch.include ?? DEFAULT_CODE_SEARCH.include, exclude: c.codeSearch.exclude ?? DEFAULT_CODE_SEARCH.exclude, base: dirname(file) }
      : undefined,
    baseline: c.baseline,
  };
}

/**
 * codeSearch globs become git pathspecs under the config file's directory: an absolute one, or
 * one that climbs out with `..`, would point outside it (and git refuses paths outside the
 * repository).
 */
export function codeSearchGlobProblem(glob: string): string | null {
  if (/^([\\/]|[A-Za-z]:[\\/])/.test(glob)) return "is absolute: codeSearch globs are relative to the config file's directory";
  if (glob.split(/[\\/]/).includes('..')) return "climbs out with \"..\": codeSearch globs are relative to the config file's directory and stay inside it";
  return null;
}
