import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'migsafe.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawn the built binary (npm test builds first). Colour and CI env are cleared unless given. */
export function migsafe(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, CI: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const tmp = (prefix = 'migsafe-test-') => mkdtempSync(join(tmpdir(), prefix));

/** A user error must never show a stack trace. */
export const hasStack = (s: string) => /^\s+at .+\(.+:\d+:\d+\)$/m.test(s) || /node:internal/.test(s);
