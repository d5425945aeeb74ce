/**
 * A lint worker: claims file jobs from the shared counter and runs lintFile() on each, posting
 * every outcome back as it is done. See lint-files.ts for the main-thread side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { engineOptions, lintFile } from '../lint-file.js';
import { loadPythonParser } from '../sources/alembic/index.js';
import { loadSqlParser } from '../sources/sql/index.js';
import type { WorkerInput, WorkerMessage } from './protocol.js';
import { toWire } from './transfer.js';

const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

async function work(): Promise<void> {
  await Promise.all([loadSqlParser(), input.python ? loadPythonParser() : null]);
  const engine = engineOptions(input.rules, input.pgVersion);
  const next = new Int32Array(input.next);
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= input.jobs.length) break;
    try {
      post({ type: 'result', index, outcome: toWire(lintFile(input.jobs[index]!, engine)) });
    } catch (e) {
      const err = e as Error;
      post({ type: 'error', index, message: String(err?.message ?? e), stack: err?.stack });
    }
  }
  post({ type: 'done' });
}

// Not a top-level await, so the worker also bundles as CommonJS (scripts/bundle.mjs).
void work();
