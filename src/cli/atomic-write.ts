import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors.js';

/**
 * Write a file atomically: a temporary file in the same directory, then rename over the target,
 * so a reader (or a crash) never sees half a report.
 */
export function writeFileAtomic(abs: string, data: string, display = abs): void {
  const dir = dirname(abs);
  const tmp = join(dir, `.${basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, abs);
  } catch (e: any) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing to clean up */
    }
    throw new UsageError(`cannot write ${display}: ${e?.code === 'EACCES' || e?.code === 'EPERM' ? 'permission denied' : (e?.code ?? e?.message ?? String(e))}`);
  }
}
