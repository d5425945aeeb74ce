/** What every gate step returns. Steps never print and never exit. */
import type { GatePorts } from '../ports.js';

/** ok · warn (passed with warnings) · failed (a check failed: exit 1) · error (could not run: exit 2) · skipped */
export type StepStatus = 'ok' | 'warn' | 'failed' | 'error' | 'skipped';

export interface StepResult<T = undefined> {
  step: string;
  status: StepStatus;
  durationMs: number;
  /** One line: what the step did or why it stopped. */
  summary: string;
  /** Facts that back the status: commands, counts, hashes, tails of output. */
  evidence: Record<string, unknown>;
  data?: T;
}

export const exitCodeOf = (statuses: StepStatus[]): number => (statuses.includes('error') ? 2 : statuses.includes('failed') ? 1 : 0);

/** Run a step body with timing and progress events; an unexpected throw becomes status error. */
export async function timed<T>(ports: GatePorts, step: string, body: () => Promise<Omit<StepResult<T>, 'step' | 'durationMs'>>, detail?: string): Promise<StepResult<T>> {
  const t0 = ports.clock.ms();
  ports.events?.({ type: 'step-start', step, detail });
  let r: Omit<StepResult<T>, 'step' | 'durationMs'>;
  try {
    r = await body();
  } catch (e) {
    r = { status: 'error', summary: (e as Error)?.message ?? String(e), evidence: {} };
  }
  const durationMs = Math.round(ports.clock.ms() - t0);
  ports.events?.({ type: 'step-end', step, status: r.status, durationMs });
  return { step, durationMs, ...r };
}
