/**
 * Run the downgrade (Alembic, or a --downgrade-cmd through the shell), capture its output, exit
 * code and duration, then confirm from the database that the current revision is the target.
 */
import { resolve, dirname } from 'node:path';
import { alembicDowngrade, alembicFailure, migrationEnv } from '../alembic.js';
import { type ConnTarget } from '../conn.js';
import { connect } from '../fingerprint/session.js';
import type { GatePorts, ProcResult } from '../ports.js';
import { describeExit } from '../adapters/proc.js';
import { readRevisions, targetRevisions } from './preflight.js';
import { timed, type StepResult } from './step.js';

export interface DowngradePlan {
  target: ConnTarget;
  to: string;
  alembicConfig?: string;
  downgradeCmd?: string;
  signal?: AbortSignal;
}

export interface DowngradeData {
  exitCode: number | null;
  revisionsAfter: string[] | null;
  stdout: string;
  stderr: string;
}

const tail = (s: string, n = 4000) => (s.length > n ? `…${s.slice(-n)}` : s);

export function runDowngrade(plan: DowngradePlan, ports: GatePorts): Promise<StepResult<DowngradeData>> {
  return timed(ports, 'downgrade', async () => {
    let res: ProcResult;
    let command: string[];
    if (plan.alembicConfig) {
      const r = await alembicDowngrade({ bin: ports.tools.alembic, config: plan.alembicConfig, target: plan.target, proc: ports.proc }, plan.to, plan.signal);
      res = r;
      command = [ports.tools.alembic, ...r.args];
    } else if (plan.downgradeCmd) {
      res = await ports.proc.run({ cmd: plan.downgradeCmd, args: [], shell: true, env: migrationEnv(plan.target, { MIGSAFE_TARGET_REVISION: plan.to }), signal: plan.signal, maxOutput: 16 << 20 });
      command = ['/bin/sh', '-c', plan.downgradeCmd];
    } else {
      return { status: 'error', summary: 'no downgrade given: pass --alembic-config <alembic.ini> or --downgrade-cmd "<cmd>"', evidence: {} };
    }
    const c = await connect(ports.db, plan.target);
    let after: string[] | null;
    try {
      after = await readRevisions(c);
    } finally {
      await c.end().catch(() => {});
    }
    const data: DowngradeData = { exitCode: res.code, revisionsAfter: after, stdout: tail(res.stdout), stderr: tail(res.stderr) };
    const evidence: Record<string, unknown> = {
      command,
      cwd: plan.alembicConfig ? dirname(resolve(plan.alembicConfig)) : undefined,
      exit: describeExit(res),
      durationMs: Math.round(res.durationMs),
      revisionAfter: after,
      log: res.stderr.split('\n').filter((l) => /Running (downgrade|upgrade)/.test(l)).map((l) => l.replace(/^.*Running/, 'Running').trim()),
    };
    const at = after === null ? 'unknown (no alembic_version table)' : after.join(', ') || 'base';
    if (res.code !== 0) {
      const why = plan.alembicConfig ? alembicFailure(res) : res.stderr.trim().split('\n').slice(-1)[0] ?? describeExit(res);
      return { status: 'failed', summary: `downgrade failed (${describeExit(res)}): ${why}; the database is now at ${at}`, evidence, data };
    }
    const want = targetRevisions(plan.to);
    if (after === null) {
      if (plan.alembicConfig) return { status: 'failed', summary: 'downgrade exited 0 but the alembic_version table is gone', evidence, data };
      return { status: 'warn', summary: `downgrade exited 0 in ${(res.durationMs / 1000).toFixed(1)} s; no alembic_version table, so the revision cannot be confirmed`, evidence, data };
    }
    if (after.length !== want.length || after.some((r, i) => r !== want[i])) {
      return { status: 'failed', summary: `downgrade exited 0 but the database is at ${at}, not ${plan.to}`, evidence, data };
    }
    return { status: 'ok', summary: `downgraded to ${plan.to} in ${(res.durationMs / 1000).toFixed(1)} s; alembic_version confirms it`, evidence, data };
  }, plan.to);
}
