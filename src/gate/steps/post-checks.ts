/** Post-checks: fingerprint the database now, diff it against the snapshot and classify. */
import { collectFingerprint } from '../fingerprint/collect.js';
import { applyAccepted, diffFingerprints, failing, type Difference } from '../fingerprint/diff.js';
import type { Fingerprint } from '../fingerprint/schema.js';
import { withReadOnlySnapshot } from '../fingerprint/session.js';
import type { ConnTarget } from '../conn.js';
import type { GatePorts } from '../ports.js';
import { timed, type StepResult } from './step.js';

export interface PostCheckPlan {
  target: ConnTarget;
  before: Fingerprint;
  acceptDataLoss: string[];
  estimateRowsAbove?: number;
  fingerprintConnections?: number;
  /** Name of the step in the report (post-checks, re-check after restore, check). */
  step?: string;
}

export interface PostCheckData {
  after: Fingerprint;
  differences: Difference[];
  /** --accept-data-loss entries that matched no difference. */
  unusedAccepts: string[];
}

export function fingerprintNow(target: ConnTarget, ports: GatePorts, opts: { estimateRowsAbove?: number; connections?: number } = {}): Promise<Fingerprint> {
  return withReadOnlySnapshot(ports.db, target, Math.max(0, (opts.connections ?? 2) - 1), (s) =>
    collectFingerprint(s.client, { workers: s.workers, estimateRowsAbove: opts.estimateRowsAbove, now: () => ports.clock.now() }),
  );
}

export function summarizeDiffs(diffs: Difference[]): string {
  const count = (c: string) => diffs.filter((d) => d.class === c && !d.accepted).length;
  const accepted = diffs.filter((d) => d.accepted).length;
  return `${count('data-loss')} data loss, ${count('integrity')} integrity, ${count('drift')} drift${accepted ? `, ${accepted} accepted` : ''}`;
}

export function runPostChecks(plan: PostCheckPlan, ports: GatePorts): Promise<StepResult<PostCheckData>> {
  return timed(ports, plan.step ?? 'post-checks', async () => {
    const after = await fingerprintNow(plan.target, ports, { estimateRowsAbove: plan.estimateRowsAbove, connections: plan.fingerprintConnections });
    const differences = diffFingerprints(plan.before, after);
    const unusedAccepts = applyAccepted(differences, plan.acceptDataLoss);
    const fails = failing(differences);
    const drift = differences.filter((d) => d.class === 'drift');
    const data = { after, differences, unusedAccepts };
    const evidence = { fingerprintMs: after.stats.durationMs, differences: differences.length, unusedAccepts };
    if (fails.length) return { status: 'failed', summary: `${summarizeDiffs(differences)}: ${fails.slice(0, 3).map((d) => `${d.subject} ${d.message}`).join('; ')}${fails.length > 3 ? '; …' : ''}`, evidence, data };
    return { status: drift.length || unusedAccepts.length ? 'warn' : 'ok', summary: differences.length ? summarizeDiffs(differences) : 'no differences', evidence, data };
  });
}
