/**
 * runGate(): `migsafe rollback` as a function. The CLI wires real ports into it; tests call it
 * with real PostgreSQL and wrapped ports. It never prints and never exits: it returns a report.
 *
 *   preflight ─▶ snapshot ─▶ verify (must reach restore) ─▶ [dry-run stops] ─▶ downgrade
 *             ─▶ post-checks ─▶ on failure: restore command, or --auto-restore + re-check
 */
import { join } from 'node:path';
import { displayUrl, type ConnTarget } from './conn.js';
import type { Difference } from './fingerprint/diff.js';
import type { GatePorts } from './ports.js';
import type { SandboxMode } from './sandbox.js';
import { exitCodeOf, type StepResult } from './steps/step.js';
import { runPreflight, type PreflightData } from './steps/preflight.js';
import { takeSnapshot } from './steps/snapshot.js';
import { verifySnapshot } from './steps/verify.js';
import { runDowngrade } from './steps/downgrade.js';
import { runPostChecks } from './steps/post-checks.js';
import { restoreSnapshot } from './steps/restore.js';

export interface RollbackOptions {
  target: ConnTarget;
  to: string;
  /** Where the snapshot directory is created. */
  snapshotDir: string;
  alembicConfig?: string;
  downgradeCmd?: string;
  dryRun?: boolean;
  acceptDataLoss?: string[];
  autoRestore?: boolean;
  allowUnverified?: boolean;
  format?: 'custom' | 'directory';
  jobs?: number;
  sandbox?: SandboxMode;
  estimateRowsAbove?: number;
  lockWaitTimeoutMs?: number;
  fingerprintConnections?: number;
  /** Override binary discovery for the local sandbox. */
  bindir?: string | null;
  signal?: AbortSignal;
}

export type StepSummary = Omit<StepResult<unknown>, 'data'>;

export interface GateReport {
  command: 'rollback';
  reportVersion: 1;
  db: string;
  to: string;
  dryRun: boolean;
  startedAt: string;
  durationMs: number;
  /** passed: every check passed · failed: a check failed (exit 1) · error: the gate could not run (exit 2) */
  outcome: 'passed' | 'failed' | 'error';
  exitCode: number;
  steps: StepSummary[];
  preflight: Pick<PreflightData, 'current' | 'heads' | 'drops' | 'findings'> | null;
  differences: Difference[];
  unusedAccepts: string[];
  snapshotDir: string | null;
  verificationLevel: string | null;
  restoreCommand: string | null;
  restored: { database: string; keptAs: string | null } | null;
  /** Where this report was written. */
  reportFile: string | null;
}

const strip = (s: StepResult<unknown>): StepSummary => {
  const { data: _d, ...rest } = s;
  return rest;
};

/** The restore command to print: the URL without its password (that comes from PGPASSWORD/.pgpass). */
export function restoreCommandFor(dir: string, target: ConnTarget): string {
  const url = displayUrl({ ...target, password: undefined });
  return `migsafe restore ${shq(dir)} --db ${shq(url)} --yes`;
}

export const shq = (s: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export async function runGate(opts: RollbackOptions, ports: GatePorts): Promise<GateReport> {
  const t0 = ports.clock.ms();
  const startedAt = ports.clock.now().toISOString();
  const steps: StepResult<unknown>[] = [];
  const report: GateReport = {
    command: 'rollback',
    reportVersion: 1,
    db: displayUrl(opts.target),
    to: opts.to,
    dryRun: !!opts.dryRun,
    startedAt,
    durationMs: 0,
    outcome: 'passed',
    exitCode: 0,
    steps: [],
    preflight: null,
    differences: [],
    unusedAccepts: [],
    snapshotDir: null,
    verificationLevel: null,
    restoreCommand: null,
    restored: null,
    reportFile: null,
  };
  const skip = (step: string, why: string) => steps.push({ step, status: 'skipped', durationMs: 0, summary: why, evidence: {} });
  const done = async (): Promise<GateReport> => {
    report.steps = steps.map(strip);
    report.exitCode = exitCodeOf(steps.map((s) => s.status));
    report.outcome = report.exitCode === 2 ? 'error' : report.exitCode === 1 ? 'failed' : 'passed';
    report.durationMs = Math.round(ports.clock.ms() - t0);
    if (report.snapshotDir) {
      const file = join(report.snapshotDir, `rollback-report-${startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.json`);
      try {
        report.reportFile = file;
        await ports.fs.writeFileAtomic(file, JSON.stringify(report, null, 2) + '\n');
      } catch {
        report.reportFile = null;
      }
    }
    return report;
  };

  if (!opts.alembicConfig && !opts.downgradeCmd) {
    steps.push({ step: 'preflight', status: 'error', durationMs: 0, summary: 'no downgrade given: pass --alembic-config <alembic.ini> or --downgrade-cmd "<cmd>"', evidence: {} });
    return done();
  }
  if (opts.alembicConfig && opts.downgradeCmd) {
    steps.push({ step: 'preflight', status: 'error', durationMs: 0, summary: 'pass either --alembic-config or --downgrade-cmd, not both', evidence: {} });
    return done();
  }

  // 1. Pre-flight
  const pre = await runPreflight({ target: opts.target, to: opts.to, alembicConfig: opts.alembicConfig, downgradeCmd: opts.downgradeCmd }, ports);
  steps.push(pre);
  if (pre.data) report.preflight = { current: pre.data.current, heads: pre.data.heads, drops: pre.data.drops, findings: pre.data.findings };
  if (pre.status === 'error') return done();
  if (pre.data?.noop) return done();

  // 2. Snapshot and verify
  const snap = await takeSnapshot(
    {
      target: opts.target,
      outDir: opts.snapshotDir,
      format: opts.format ?? 'custom',
      jobs: opts.jobs ?? 1,
      fingerprintConnections: opts.fingerprintConnections ?? 2,
      estimateRowsAbove: opts.estimateRowsAbove,
      lockWaitTimeoutMs: opts.lockWaitTimeoutMs ?? 30_000,
      signal: opts.signal,
    },
    ports,
  );
  steps.push(snap);
  if (snap.status !== 'ok' || !snap.data) return done();
  report.snapshotDir = snap.data.dir;
  const ver = await verifySnapshot({ dir: snap.data.dir, level: 'restore', sandbox: opts.sandbox ?? 'auto', source: opts.target, bindir: opts.bindir, fingerprintConnections: opts.fingerprintConnections, signal: opts.signal }, ports);
  report.verificationLevel = ver.data?.levelReached ?? null;
  if (ver.status === 'error' && ver.data?.levelReached === 'read' && opts.allowUnverified) {
    steps.push({ ...ver, status: 'warn', summary: `${ver.summary} (going on: --allow-unverified)` });
  } else if (ver.status === 'error') {
    steps.push({ ...ver, summary: `${ver.summary}; refusing to downgrade without a snapshot verified by restore (pass --allow-unverified to accept level read)` });
    return done();
  } else {
    steps.push(ver);
    if (ver.status !== 'ok') return done();
  }
  const before = snap.data.manifest.fingerprint;

  // 3. Dry run stops here.
  if (opts.dryRun) {
    skip('downgrade', `dry run: would run ${opts.alembicConfig ? `alembic -c ${opts.alembicConfig} downgrade ${opts.to}` : opts.downgradeCmd}`);
    skip('post-checks', 'dry run');
    return done();
  }

  // 4. Downgrade, then post-checks (also after a failed downgrade: they show what changed).
  const down = await runDowngrade({ target: opts.target, to: opts.to, alembicConfig: opts.alembicConfig, downgradeCmd: opts.downgradeCmd, signal: opts.signal }, ports);
  steps.push(down);
  const post = await runPostChecks({ target: opts.target, before, acceptDataLoss: opts.acceptDataLoss ?? [], estimateRowsAbove: opts.estimateRowsAbove, fingerprintConnections: opts.fingerprintConnections }, ports);
  steps.push(post);
  if (post.data) {
    report.differences = post.data.differences;
    report.unusedAccepts = post.data.unusedAccepts;
  }

  // 5. On failure: the exact restore command; with --auto-restore, restore and re-check.
  const failed = [down, post].some((s) => s.status === 'failed' || s.status === 'error');
  if (!failed) return done();
  report.restoreCommand = restoreCommandFor(snap.data.dir, opts.target);
  if (!opts.autoRestore) return done();
  const res = await restoreSnapshot({ dir: snap.data.dir, target: opts.target, mode: 'swap', force: false, signal: opts.signal }, ports);
  steps.push(res);
  if (res.status === 'ok' && res.data) {
    report.restored = { database: res.data.restoredInto, keptAs: res.data.keptAs };
    const re = await runPostChecks({ target: opts.target, before, acceptDataLoss: [], step: 're-check', fingerprintConnections: opts.fingerprintConnections }, ports);
    const changed = re.data?.differences.filter((d) => d.kind !== 'sequence-value-changed') ?? [];
    steps.push({ ...re, status: re.status === 'error' ? 'error' : changed.length ? 'failed' : 'ok', summary: changed.length ? `after the restore the database still differs from the snapshot: ${re.summary}` : 'after the restore the database matches the snapshot' });
  }
  return done();
}
