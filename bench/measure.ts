/**
 * Timing, process and memory helpers for the benchmark. Nothing here knows about migsafe.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Stats {
  n: number;
  min: number;
  median: number;
  mean: number;
  max: number;
}

export function stats(samples: number[]): Stats {
  if (samples.length === 0) return { n: 0, min: NaN, median: NaN, mean: NaN, max: NaN };
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { n: s.length, min: s[0]!, median, mean: s.reduce((a, b) => a + b, 0) / s.length, max: s[s.length - 1]! };
}

/** Run `fn` `warmup` times untimed, then `runs` times timed; seconds per run. */
export async function timeRepeated<T>(fn: () => Promise<T> | T, runs: number, warmup = 1): Promise<{ stats: Stats; samples: number[]; last: T }> {
  let last!: T;
  for (let i = 0; i < warmup; i++) last = await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    samples.push((performance.now() - t0) / 1000);
  }
  return { stats: stats(samples), samples, last };
}

export interface SpawnResult {
  /** Wall time from spawn to exit, in seconds (includes draining stdout). */
  wall: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not be started at all (ENOENT, EACCES). */
  error?: string;
  /** With `rusage` and GNU time: the child's user + system CPU seconds and peak RSS in bytes. */
  cpu?: number;
  maxRss?: number;
}

/**
 * Spawn a process, collect its output and measure its wall time. Never throws. With `rusage`
 * (and GNU time present) the child runs under `/usr/bin/time -f '%U %S %M'`, which adds ~1 ms and
 * reports the child's own CPU time and peak RSS, figures that a busy machine disturbs less than wall time.
 */
export async function spawnTimed(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; keepStdout?: boolean; rusage?: boolean } = {}): Promise<SpawnResult> {
  if (opts.rusage && hasGnuTime()) {
    const dir = mkdtempSync(join(tmpdir(), 'migsafe-bench-'));
    try {
      const outFile = join(dir, 'time.txt');
      const r = await spawnPlain(GNU_TIME, ['-f', '%U %S %M', '-o', outFile, cmd, ...args], opts);
      if (!r.error && existsSync(outFile)) {
        const [user, sys, kb] = (readFileSync(outFile, 'utf8').trim().split('\n').pop() ?? '').split(/\s+/).map(Number);
        if (Number.isFinite(user) && Number.isFinite(sys)) r.cpu = user! + sys!;
        if (Number.isFinite(kb)) r.maxRss = kb! * 1024;
      }
      return r;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return spawnPlain(cmd, args, opts);
}

function spawnPlain(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; keepStdout?: boolean }): Promise<SpawnResult> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    const t0 = performance.now();
    let child;
    try {
      child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e: any) {
      resolve({ wall: 0, code: null, signal: null, stdout: '', stderr: '', error: String(e?.message ?? e) });
      return;
    }
    let startError: string | undefined;
    child.on('error', (e) => {
      startError = String(e.message);
    });
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (opts.keepStdout !== false) out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('close', (code, signal) => {
      const wall = (performance.now() - t0) / 1000;
      resolve({
        wall, code, signal,
        stdout: opts.keepStdout === false ? `(${outBytes} bytes)` : Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ...(startError ? { error: startError } : {}),
      });
    });
  });
}

/** Spawn `runs` times (after `warmup` untimed spawns) and take wall-time (and, with `rusage`, CPU-time) statistics. */
export async function spawnRepeated(cmd: string, args: string[], runs: number, opts: { cwd?: string; env?: NodeJS.ProcessEnv; warmup?: number; rusage?: boolean; check?: (r: SpawnResult) => string | null } = {}): Promise<{ stats: Stats; samples: number[]; last: SpawnResult; cpu: Stats | null; maxRss: number | null }> {
  let last!: SpawnResult;
  for (let i = 0; i < (opts.warmup ?? 1); i++) {
    last = await spawnTimed(cmd, args, { cwd: opts.cwd, env: opts.env, keepStdout: false });
    if (last.error) throw new Error(`${cmd}: ${last.error}`);
  }
  const samples: number[] = [];
  const cpu: number[] = [];
  let maxRss: number | null = null;
  for (let i = 0; i < runs; i++) {
    last = await spawnTimed(cmd, args, { cwd: opts.cwd, env: opts.env, keepStdout: !!opts.check && i === runs - 1, rusage: opts.rusage });
    if (last.error) throw new Error(`${cmd}: ${last.error}`);
    samples.push(last.wall);
    if (last.cpu !== undefined) cpu.push(last.cpu);
    if (last.maxRss !== undefined) maxRss = Math.max(maxRss ?? 0, last.maxRss);
  }
  const problem = opts.check?.(last);
  if (problem) throw new Error(problem);
  return { stats: stats(samples), samples, last, cpu: cpu.length ? stats(cpu) : null, maxRss };
}

export interface RssResult {
  /** Peak resident set size of the child, in bytes. */
  maxRss: number;
  /** How it was measured. */
  method: string;
  /** User and system CPU seconds of the child (when known). */
  user?: number;
  sys?: number;
  wall?: number;
  code: number | null;
}

export const GNU_TIME = '/usr/bin/time';

/** True when /usr/bin/time is GNU time (it understands -f and -o). */
let gnuTime: boolean | null = null;
export function hasGnuTime(): boolean {
  if (gnuTime === null) {
    gnuTime = false;
    if (existsSync(GNU_TIME)) {
      const r = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
      gnuTime = r.status === 0 && /^\d+\s*$/m.test(r.stderr);
    }
  }
  return gnuTime;
}

/**
 * Peak RSS of a child process. With GNU time the kernel's own accounting (wait4 rusage of the
 * child) is read: `-f '%M %U %S %e'` → max RSS in KiB, user s, sys s, wall s. Without it, a Node
 * child is started with a preload (`--import`) that writes process.resourceUsage().maxRSS when
 * the process exits (process.exit included); non-Node children then cannot be measured.
 */
export async function measurePeakRss(cmd: string, args: string[], opts: { cwd?: string; node?: boolean; forceFallback?: boolean } = {}): Promise<RssResult | null> {
  const dir = mkdtempSync(join(tmpdir(), 'migsafe-bench-'));
  try {
    if (!opts.forceFallback && hasGnuTime()) {
      const outFile = join(dir, 'time.txt');
      const r = await spawnPlain(GNU_TIME, ['-f', '%M %U %S %e', '-o', outFile, cmd, ...args], { cwd: opts.cwd, keepStdout: false });
      if (r.error) return null;
      const line = readFileSync(outFile, 'utf8').trim().split('\n').pop() ?? '';
      const [kb, user, sys, wall] = line.split(/\s+/).map(Number);
      if (!Number.isFinite(kb)) return null;
      return { maxRss: kb! * 1024, method: 'GNU time (wait4 rusage)', user, sys, wall, code: r.code };
    }
    if (!opts.node) return null;
    // Node child: preload a hook that records maxRSS (KiB) at exit.
    const hook = join(dir, 'rss-hook.mjs');
    const outFile = join(dir, 'rss.txt');
    writeFileSync(hook, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(${JSON.stringify(outFile)}, [u.maxRSS, u.userCPUTime / 1e6, u.systemCPUTime / 1e6].join(' ')); });\n`);
    const [script, ...rest] = args;
    const r = await spawnTimed(cmd, ['--import', hook, script!, ...rest], { cwd: opts.cwd, keepStdout: false });
    if (r.error || !existsSync(outFile)) return null;
    const [kb, user, sys] = readFileSync(outFile, 'utf8').trim().split(/\s+/).map(Number);
    return { maxRss: kb! * 1024, method: 'process.resourceUsage().maxRSS in the child (--import hook)', user, sys, wall: r.wall, code: r.code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

export const MB = 1e6;
export const fmtS = (s: number) => (Number.isFinite(s) ? (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`) : 'n/a');
export const fmtMB = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;
export const fmtRate = (x: number, unit: string) => (Number.isFinite(x) ? `${x >= 100 ? x.toFixed(0) : x.toFixed(1)}${unit ? ` ${unit}` : ''}` : 'n/a');

/** summary.files of a migsafe JSON report, or null. */
export function jsonFiles(r: SpawnResult): number | null {
  try {
    return JSON.parse(r.stdout).summary.files as number;
  } catch {
    return null;
  }
}
