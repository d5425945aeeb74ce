/** migsafe verify <snapshot-dir> [--level read|restore] [--sandbox auto|local|docker|server] */
import { verifySnapshot } from '../../gate/steps/verify.js';
import { renderDifferences, secs } from '../../gate/report.js';
import { Chalk } from 'chalk';
import type { CommandIO } from '../io.js';
import { cliPorts, interruptible, oneOf, optionalInt, safeOut } from './gate-common.js';
import { UsageError } from '../../errors.js';
import { parseDbUrl } from '../../gate/conn.js';

export interface VerifyFlags {
  level?: string;
  sandbox?: string;
  db?: string;
  jobs?: string;
  format?: string;
}

export async function verifyCommand(dir: string, flags: VerifyFlags, io: CommandIO): Promise<number> {
  const level = oneOf(flags.level, '--level', ['read', 'restore'] as const, 'restore');
  const sandbox = oneOf(flags.sandbox, '--sandbox', ['auto', 'local', 'docker', 'server'] as const, 'auto');
  const format = oneOf(flags.format, '--format', ['text', 'json'] as const, 'text');
  const source = flags.db ? parseDbUrl(flags.db) : undefined;
  if (sandbox === 'server' && !source) throw new UsageError('--sandbox server needs --db <url> of the server to create the scratch database on');
  const o = safeOut(io, source ?? null);
  const { ports, stop } = cliPorts(io);
  const intr = interruptible();
  try {
    const r = await verifySnapshot({ dir, level, sandbox, source, jobs: optionalInt(flags.jobs, '--jobs', 1), signal: intr.signal }, ports);
    stop();
    const code = r.status === 'ok' ? 0 : r.status === 'failed' ? 1 : 2;
    if (format === 'json') {
      const { manifest: _m, ...data } = r.data ?? { notes: [] };
      o.out(JSON.stringify({ status: r.status, exitCode: code, summary: r.summary, durationMs: r.durationMs, evidence: r.evidence, ...data }, null, 2) + '\n');
      return code;
    }
    const c = new Chalk({ level: io.color ? 1 : 0 });
    const lines = [`${r.status === 'ok' ? c.green('✔ verified') : r.status === 'failed' ? c.red('✖ DAMAGED') : c.red('✖ not verified')} ${dir} (${secs(r.durationMs)})`, `  ${r.summary}`];
    const ev = r.evidence as any;
    if (ev.sandbox) lines.push(`  sandbox: ${ev.sandbox}`);
    if (ev.sandboxesTried?.length) lines.push(...ev.sandboxesTried.map((t: string) => `  sandbox tried: ${t}`));
    for (const n of r.data?.notes ?? []) lines.push(`  note: ${n}`);
    if (r.data?.comparison && !r.data.comparison.equal) lines.push('  differences (snapshot fingerprint → restored copy):', ...renderDifferences(r.data.comparison.mismatches, c).map((l) => `  ${l}`));
    lines.push(`  verification level recorded in the manifest: ${r.data?.manifest?.verification.level ?? 'none (manifest not readable)'}`);
    o.out(lines.join('\n') + '\n');
    return code;
  } finally {
    stop();
    intr.dispose();
  }
}
