/**
 * lintFile() over many files, on every core. Parsing is most of a lint and each file is
 * independent, so the main thread and `threads - 1` workers claim files from one shared counter
 * (Atomics.add) until none are left; outcomes come back in file order whoever computed them.
 *
 * Small runs stay on the main thread: a worker costs ~100 ms of start-up (modules + WASM), which
 * a one-file pre-commit lint must not pay. A worker that dies leaves its unfinished files to the
 * main thread, so the result never depends on the workers.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineOptions } from '../engine/lint-migration.js';
import { lintFile, type FileJob, type FileOutcome } from '../lint-file.js';
import { packageRoot } from '../paths.js';
import type { WorkerInput, WorkerMessage } from './protocol.js';
import { fromWire } from './transfer.js';

/** Below this many files a run stays on one thread. */
export const MIN_PARALLEL_FILES = 64;
const MAX_THREADS = 4;

export interface ParallelSettings {
  rules: Record<string, 'off' | 'warning' | 'error'>;
  pgVersion: number;
  /** Total threads including the main one; default: by core count and job count; MIGSAFE_THREADS overrides. */
  threads?: number;
}

export function threadCount(jobs: number, requested?: number): number {
  const env = Number(process.env.MIGSAFE_THREADS);
  if (Number.isInteger(env) && env >= 1) return Math.min(env, jobs || 1);
  if (requested !== undefined) return Math.max(1, Math.min(requested, jobs || 1));
  if (jobs < MIN_PARALLEL_FILES) return 1;
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS));
}

/** The worker entry: next to the bundle when running bundled (dist/cli.cjs), else the tsc output. */
export function workerScript(): string | null {
  const here = fileURLToPath(import.meta.url);
  const file = here.endsWith('.cjs') ? join(dirname(here), 'lint-worker.cjs') : join(packageRoot(), 'dist', 'src', 'parallel', 'lint-worker.js');
  return existsSync(file) ? file : null;
}

export async function lintFiles(jobs: FileJob[], engine: EngineOptions, settings: ParallelSettings): Promise<FileOutcome[]> {
  const threads = threadCount(jobs.length, settings.threads);
  const script = threads > 1 ? workerScript() : null;
  if (!script) return jobs.map((j) => lintFile(j, engine));

  const results: (FileOutcome | undefined)[] = new Array(jobs.length);
  let filled = 0;
  let failure: Error | null = null;
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const input: WorkerInput = { jobs, next, rules: settings.rules, pgVersion: settings.pgVersion, python: jobs.some((j) => j.alembic) };

  let wake: (() => void) | null = null;
  let live = threads - 1;
  const workers: Worker[] = [];
  for (let i = 0; i < threads - 1; i++) {
    const w = new Worker(script, { workerData: input });
    w.on('message', (m: WorkerMessage) => {
      if (m.type === 'result') {
        results[m.index] = fromWire(m.outcome);
        filled++;
      } else if (m.type === 'error') {
        failure ??= Object.assign(new Error(m.message), { stack: m.stack });
      }
      wake?.();
    });
    // 'exit' follows 'error' too; either way the worker's unfinished files fall to the main thread.
    w.on('error', () => undefined);
    w.on('exit', () => {
      live--;
      wake?.();
    });
    workers.push(w);
  }
  try {
    for (;;) {
      const index = Atomics.add(counter, 0, 1);
      if (index >= jobs.length) break;
      results[index] = lintFile(jobs[index]!, engine);
      filled++;
    }
    // The rest was claimed by workers: wait for their results (or their exit).
    while (filled < jobs.length && live > 0 && !failure) await new Promise<void>((r) => (wake = r));
    if (failure) throw failure;
    for (let i = 0; i < jobs.length; i++) results[i] ??= lintFile(jobs[i]!, engine);
    return results as FileOutcome[];
  } finally {
    for (const w of workers) void w.terminate();
  }
}
