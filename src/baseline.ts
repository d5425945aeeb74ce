/**
 * Baseline for legacy history (like strong_migrations' start_after): `migsafe baseline` records
 * the fingerprints of today's findings in a committed file; `lint` then reports those as
 * suppressed ("in baseline") and fails only on new ones. Fingerprints survive lines shifting.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { z } from 'zod';
import type { LintResult } from './lint.js';
import { locate } from './report/located.js';
import { fingerprints } from './report/options.js';
import { ConfigError } from './errors.js';

export const DEFAULT_BASELINE = '.migsafe-baseline.json';

const schema = z.object({
  version: z.literal(1),
  created: z.string(),
  findings: z.array(z.object({ fingerprint: z.string(), rule: z.string(), file: z.string(), message: z.string() })),
});
export type Baseline = z.infer<typeof schema>;

/** Fingerprints are relative to `root` (the config's directory), so the file is portable. */
export function buildBaseline(result: LintResult, cwd: string, root: string, now = new Date()): Baseline {
  const { located, indexes } = locate(result);
  const prints = fingerprints(result, located, indexes, { cwd, root });
  const findings = located
    .map((f, i) => ({ f, print: prints[i]! }))
    .filter(({ f }) => !f.suppressed)
    .map(({ f, print }) => ({ fingerprint: print, rule: f.rule, file: relative(root, resolve(cwd, f.file)).split('\\').join('/'), message: f.message }));
  return { version: 1, created: now.toISOString(), findings };
}

export function readBaseline(file: string): Baseline | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e: any) {
    throw new ConfigError(`${file}: invalid baseline JSON (${e?.message ?? e}); regenerate it with \`migsafe baseline\``);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}; regenerate it with \`migsafe baseline\``);
  }
  return parsed.data;
}

/** Mark findings whose fingerprint is in the baseline as suppressed. Returns how many matched. */
export function applyBaseline(result: LintResult, baseline: Baseline, file: string, cwd: string, root: string): number {
  const known = new Set(baseline.findings.map((f) => f.fingerprint));
  const { located, indexes } = locate(result);
  const prints = fingerprints(result, located, indexes, { cwd, root });
  let n = 0;
  located.forEach((l, i) => {
    const f = result.findings[i]!;
    if (f.suppressed || !known.has(prints[i]!)) return;
    f.suppressed = { reason: `in baseline ${file}`, directive: { start: l.start, end: l.start } };
    n++;
  });
  return n;
}
