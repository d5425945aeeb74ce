/**
 * migsafe rollback --db <url> --to <revision> --snapshot-dir <dir> (--alembic-config <ini> | --downgrade-cmd "<cmd>")
 * The gate: pre-flight, verified snapshot, downgrade, post-checks, restore command or --auto-restore.
 */
import { runGate } from '../../gate/run-gate.js';
import { renderGateText } from '../../gate/report.js';
import { UsageError } from '../../errors.js';
import type { CommandIO } from '../io.js';
import { cliPorts, intOption, interruptible, oneOf, optionalInt, requireDb, safeOut } from './gate-common.js';

export interface RollbackFlags {
  db?: string;
  to?: string;
  snapshotDir?: string;
  alembicConfig?: string;
  downgradeCmd?: string;
  dryRun?: boolean;
  acceptDataLoss?: string;
  autoRestore?: boolean;
  allowUnverified?: boolean;
  format?: string;
  snapshotFormat?: string;
  jobs?: string;
  sandbox?: string;
  estimateRowsAbove?: string;
  lockWaitTimeout?: string;
}

export async function rollbackCommand(flags: RollbackFlags, io: CommandIO): Promise<number> {
  const target = requireDb(flags.db);
  if (!flags.to) throw new UsageError('--to <revision> is required');
  if (!flags.snapshotDir) throw new UsageError('--snapshot-dir <dir> is required (the verified snapshot taken before the downgrade goes there)');
  if (!flags.alembicConfig && !flags.downgradeCmd) throw new UsageError('pass --alembic-config <alembic.ini> or --downgrade-cmd "<cmd>"');
  if (flags.alembicConfig && flags.downgradeCmd) throw new UsageError('pass either --alembic-config or --downgrade-cmd, not both');
  const format = oneOf(flags.format, '--format', ['text', 'json'] as const, 'text');
  const snapshotFormat = oneOf(flags.snapshotFormat, '--snapshot-format', ['custom', 'directory'] as const, 'custom');
  const sandbox = oneOf(flags.sandbox, '--sandbox', ['auto', 'local', 'docker', 'server'] as const, 'auto');
  const jobs = intOption(flags.jobs, '--jobs', 1);
  const accept = (flags.acceptDataLoss ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const o = safeOut(io, target);
  const { ports, stop } = cliPorts(io);
  const intr = interruptible();
  try {
    const report = await runGate(
      {
        target,
        to: flags.to,
        snapshotDir: flags.snapshotDir,
        alembicConfig: flags.alembicConfig,
        downgradeCmd: flags.downgradeCmd,
        dryRun: !!flags.dryRun,
        acceptDataLoss: accept,
        autoRestore: !!flags.autoRestore,
        allowUnverified: !!flags.allowUnverified,
        format: snapshotFormat,
        jobs,
        sandbox,
        estimateRowsAbove: optionalInt(flags.estimateRowsAbove, '--estimate-rows-above'),
        lockWaitTimeoutMs: intOption(flags.lockWaitTimeout, '--lock-wait-timeout', 30_000),
        signal: intr.signal,
      },
      ports,
    );
    stop();
    o.out(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderGateText(report, { color: io.color }));
    return report.exitCode;
  } finally {
    stop();
    intr.dispose();
  }
}
