/** migsafe check --db <url> [--against <snapshot-dir>]: integrity checks, and the diff against a snapshot. */
import { Chalk } from 'chalk';
import { diffFingerprints, failing, integrityFindings, applyAccepted } from '../../gate/fingerprint/diff.js';
import { readManifest } from '../../gate/manifest.js';
import { fingerprintNow, summarizeDiffs } from '../../gate/steps/post-checks.js';
import { renderDifferences, secs } from '../../gate/report.js';
import { displayUrl } from '../../gate/conn.js';
import { GateError } from '../../errors.js';
import type { CommandIO } from '../io.js';
import { cliPorts, oneOf, optionalInt, requireDb, safeOut } from './gate-common.js';

export interface CheckFlags {
  db?: string;
  against?: string;
  format?: string;
  acceptDataLoss?: string;
  estimateRowsAbove?: string;
}

export async function checkCommand(flags: CheckFlags, io: CommandIO): Promise<number> {
  const target = requireDb(flags.db);
  const format = oneOf(flags.format, '--format', ['text', 'json'] as const, 'text');
  const o = safeOut(io, target);
  const { ports, stop } = cliPorts(io);
  let before = null;
  if (flags.against) {
    const m = await readManifest(ports.fs, flags.against);
    if (!m.ok) {
      o.err(`migsafe: cannot use ${flags.against}: ${m.problem}`);
      return m.missing ? 2 : 1;
    }
    before = m.manifest.fingerprint;
  }
  const t0 = performance.now();
  let fp;
  try {
    fp = await fingerprintNow(target, ports, { estimateRowsAbove: optionalInt(flags.estimateRowsAbove, '--estimate-rows-above') });
  } catch (e) {
    stop();
    throw e instanceof GateError ? e : new GateError((e as Error).message);
  }
  stop();
  const integrity = integrityFindings(fp);
  const diffs = before ? diffFingerprints(before, fp) : [];
  const unused = applyAccepted(diffs, (flags.acceptDataLoss ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  // Pre-existing integrity problems count; with a snapshot, the diff adds what changed since.
  const fails = [...failing(integrity), ...failing(diffs)];
  const code = fails.length ? 1 : 0;
  if (format === 'json') {
    o.out(JSON.stringify({ db: displayUrl(target), exitCode: code, integrity, differences: diffs, unusedAccepts: unused, fingerprint: fp }, null, 2) + '\n');
    return code;
  }
  const c = new Chalk({ level: io.color ? 1 : 0 });
  const lines = [`migsafe check ${displayUrl(target)} (${fp.tables.length} tables, ${secs(performance.now() - t0)})`];
  lines.push(integrity.length ? 'Integrity:' : '  integrity: no invalid indexes, no NOT VALID violations, no sequence behind its column');
  if (integrity.length) lines.push(...renderDifferences(integrity, c));
  if (before) {
    const shown = diffs.filter((d) => d.kind !== 'sequence-value-changed');
    lines.push(shown.length ? `Against ${flags.against} (${summarizeDiffs(diffs)}):` : `  against ${flags.against}: no differences`);
    if (shown.length) lines.push(...renderDifferences(shown, c));
  }
  for (const u of unused) lines.push(`  note: --accept-data-loss ${u} matched no difference`);
  lines.push(code ? c.red(`FAILED (exit 1): ${fails.length} failing check(s)`) : c.green('OK (exit 0)'));
  o.out(lines.join('\n') + '\n');
  return code;
}
