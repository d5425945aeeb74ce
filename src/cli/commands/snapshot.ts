/** migsafe snapshot --db <url> --out <dir>: a consistent pg_dump plus fingerprint; prints the directory last. */
import { displayUrl } from '../../gate/conn.js';
import { takeSnapshot } from '../../gate/steps/snapshot.js';
import { secs } from '../../gate/report.js';
import type { CommandIO } from '../io.js';
import { cliPorts, intOption, interruptible, oneOf, optionalInt, requireDb, safeOut } from './gate-common.js';
import { UsageError } from '../../errors.js';

export interface SnapshotFlags {
  db?: string;
  out?: string;
  format?: string;
  jobs?: string;
  estimateRowsAbove?: string;
  lockWaitTimeout?: string;
  fingerprintConnections?: string;
}

export async function snapshotCommand(flags: SnapshotFlags, io: CommandIO): Promise<number> {
  const target = requireDb(flags.db);
  if (!flags.out) throw new UsageError('--out <dir> is required');
  const format = oneOf(flags.format, '--format', ['custom', 'directory'] as const, 'custom');
  const jobs = intOption(flags.jobs, '--jobs', 1);
  if (jobs > 1 && format !== 'directory') throw new UsageError('--jobs > 1 needs --format directory (pg_dump dumps in parallel only to a directory)');
  const o = safeOut(io, target);
  const { ports, stop } = cliPorts(io);
  const intr = interruptible();
  try {
    const r = await takeSnapshot(
      {
        target,
        outDir: flags.out,
        format,
        jobs,
        fingerprintConnections: intOption(flags.fingerprintConnections, '--fingerprint-connections', 2),
        estimateRowsAbove: optionalInt(flags.estimateRowsAbove, '--estimate-rows-above'),
        lockWaitTimeoutMs: intOption(flags.lockWaitTimeout, '--lock-wait-timeout', 30_000),
        signal: intr.signal,
      },
      ports,
    );
    stop();
    if (r.status !== 'ok' || !r.data) {
      o.err(`migsafe: snapshot of ${displayUrl(target)} failed: ${r.summary}`);
      o.err('migsafe: nothing usable was left behind (no manifest was written)');
      return 2;
    }
    const m = r.data.manifest;
    const ev = r.evidence as any;
    const est = m.fingerprint.estimatedTables;
    o.out(
      [
        `snapshot of ${m.source.url} (PostgreSQL ${m.source.serverVersion}, revision ${m.migration.revisions.join(', ') || 'none'})`,
        `  ${m.fingerprint.tables.length} tables, ${m.fingerprint.tables.reduce((n, t) => n + (t.rows ?? 0), 0)} rows${est.length ? ` (estimated counts for ${est.join(', ')})` : ''}`,
        `  pg_dump ${m.dump.version} --format=${m.dump.format}: ${secs(ev.pgDump.durationMs)}; fingerprint over ${ev.fingerprint.connections} connection(s): ${secs(ev.fingerprint.durationMs)}; total ${secs(r.durationMs)}`,
        `  consistent: fingerprint and dump share exported snapshot ${m.snapshotId}`,
        `  verification: none yet (run: migsafe verify ${r.data.dir})`,
        r.data.dir,
      ].join('\n') + '\n',
    );
    return 0;
  } finally {
    stop();
    intr.dispose();
  }
}
