/** Messages between lint() and its workers (src/parallel/lint-files.ts, lint-worker.ts). */
import type { FileJob } from '../lint-file.js';
import type { WireOutcome } from './transfer.js';

export interface WorkerInput {
  jobs: FileJob[];
  /** Int32Array[1] over a SharedArrayBuffer: the next job index. Every thread claims jobs from it. */
  next: SharedArrayBuffer;
  /** Rule severities as configured (id → off | warning | error) and the PostgreSQL version. */
  rules: Record<string, 'off' | 'warning' | 'error'>;
  pgVersion: number;
  python: boolean;
}

export type WorkerMessage =
  | { type: 'result'; index: number; outcome: WireOutcome }
  /** lintFile threw: a bug. The main thread reports it as an internal error. */
  | { type: 'error'; index: number; message: string; stack?: string }
  | { type: 'done' };
