/** Text rendering of gate results. JSON is the report object itself. */
import { Chalk } from 'chalk';
import type { Difference } from './fingerprint/diff.js';
import { compareText } from '../util/compare.js';
import type { GateReport, StepSummary } from './run-gate.js';
import type { StepStatus } from './steps/step.js';

export interface RenderOptions {
  color: boolean;
}

const GLYPH: Record<StepStatus, string> = { ok: '✔', warn: '⚠', failed: '✖', error: '✖', skipped: '–' };

export function secs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function renderSteps(steps: StepSummary[], c: InstanceType<typeof Chalk>): string[] {
  const width = Math.max(...steps.map((s) => s.step.length), 8);
  return steps.map((s) => {
    const paint = s.status === 'ok' ? c.green : s.status === 'warn' ? c.yellow : s.status === 'skipped' ? c.dim : c.red;
    const label = s.status === 'error' ? 'could not run: ' : '';
    return `  ${paint(GLYPH[s.status])} ${s.step.padEnd(width)}  ${secs(s.durationMs).padStart(7)}  ${label}${s.summary}`;
  });
}

const CLASS_LABEL: Record<string, string> = { 'data-loss': 'DATA LOSS', integrity: 'INTEGRITY', drift: 'drift', info: 'info' };

export function renderDifferences(diffs: Difference[], c: InstanceType<typeof Chalk>): string[] {
  const order = ['data-loss', 'integrity', 'drift', 'info'];
  const sorted = [...diffs].sort((a, b) => order.indexOf(a.class) - order.indexOf(b.class) || compareText(a.subject, b.subject));
  const sw = Math.min(48, Math.max(...sorted.map((d) => d.subject.length), 10));
  return sorted.map((d) => {
    const paint = d.accepted ? c.cyan : d.class === 'data-loss' || d.class === 'integrity' ? c.red : d.class === 'drift' ? c.yellow : c.dim;
    const label = (d.accepted ? `${CLASS_LABEL[d.class]} (accepted)` : CLASS_LABEL[d.class]!).padEnd(20);
    const ba = typeof d.before === 'number' || typeof d.after === 'number' ? `  [before ${fmt(d.before)}, after ${fmt(d.after)}]` : '';
    return `  ${paint(label)} ${d.subject.padEnd(sw)}  ${d.message}${ba}`;
  });
}

const fmt = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

export function renderGateText(r: GateReport, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  out.push(c.bold(`migsafe rollback ${r.db} → ${r.to}${r.dryRun ? ' (dry run)' : ''}`), '');
  out.push(...renderSteps(r.steps, c));
  const pf = r.preflight;
  if (pf && (pf.drops.length || pf.findings.length)) {
    out.push('', c.bold('The downgrade, rendered offline:'));
    if (pf.drops.length) out.push(`  drops: ${pf.drops.join(', ')}`);
    for (const f of pf.findings) out.push(`  ${f.severity === 'error' ? c.red(f.severity) : c.yellow(f.severity)} ${f.rule} (line ${f.line}): ${f.message}`);
  }
  const shown = r.differences.filter((d) => d.class !== 'info' && d.kind !== 'sequence-value-changed');
  if (shown.length) {
    out.push('', c.bold('Differences after the downgrade (snapshot → now):'));
    out.push(...renderDifferences(shown, c));
  } else if (r.steps.some((s) => s.step === 'post-checks' && s.status !== 'skipped')) out.push('', 'No data loss, integrity or drift differences after the downgrade.');
  for (const u of r.unusedAccepts) out.push(c.yellow(`  note: --accept-data-loss ${u} matched no difference`));
  out.push('');
  const verdict =
    r.outcome === 'passed'
      ? c.green(r.dryRun ? 'Dry run passed (exit 0): the snapshot is verified and the downgrade is ready to run.' : 'Rollback passed (exit 0): every check passed.')
      : r.outcome === 'failed'
        ? c.red('Rollback FAILED (exit 1): a check failed.')
        : c.red('The gate could not run (exit 2).');
  out.push(verdict);
  if (r.restored) out.push(`Restored ${r.restored.database} from the snapshot${r.restored.keptAs ? `; the database as the downgrade left it is kept as ${r.restored.keptAs}` : ''}.`);
  else if (r.restoreCommand) out.push('To put the data back, restore the snapshot taken before the downgrade:', `  ${r.restoreCommand}`, '  (the password is never printed: supply it with PGPASSWORD or ~/.pgpass)');
  if (r.snapshotDir) out.push(`Snapshot: ${r.snapshotDir}${r.verificationLevel ? ` (verified: ${r.verificationLevel})` : ''}`);
  if (r.reportFile) out.push(`Report: ${r.reportFile}`);
  return out.join('\n') + '\n';
}

/** Remove any occurrence of a secret from text we are about to print. */
export function redact(text: string, secrets: (string | undefined)[]): string {
  let s = text;
  for (const x of secrets) if (x && x.length >= 1) s = s.split(x).join('***');
  return s;
}
