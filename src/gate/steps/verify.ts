/**
 * Verify a snapshot in layers, and record the level reached in the manifest:
 *   read     sha256 + size of every file; the PGDMP header; `pg_restore --list` has one TABLE DATA
 *            entry per table in the fingerprint; a full read (`pg_restore -f /dev/null`)
 *   restore  restore into a sandbox, recompute the fingerprint, require equality
 * `--list` alone misses truncation and flipped data bytes; the sha256 and the full read do not.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { readManifest, writeManifest, type Manifest, type VerificationLevel } from '../manifest.js';
import { compareForVerify, type VerifyComparison } from '../fingerprint/diff.js';
import { collectFingerprint } from '../fingerprint/collect.js';
import { openSnapshotSession } from '../fingerprint/session.js';
import { tableKey } from '../fingerprint/schema.js';
import { openSandbox, type SandboxMode } from '../sandbox.js';
import { describeExit, stderrTail } from '../adapters/proc.js';
import type { ConnTarget } from '../conn.js';
import type { GatePorts } from '../ports.js';
import { timed, type StepResult, type StepStatus } from './step.js';

export interface VerifyPlan {
  dir: string;
  level: 'read' | 'restore';
  sandbox: SandboxMode;
  /** The source server: needed only for `--sandbox server`. */
  source?: ConnTarget;
  /** pg_restore --jobs into the sandbox; default: the snapshot's dump jobs. */
  jobs?: number;
  /** Connections for the sandbox fingerprint. */
  fingerprintConnections?: number;
  /** Override binary discovery for the local sandbox (tests). */
  bindir?: string | null;
  signal?: AbortSignal;
}

export interface VerifyData {
  levelReached: VerificationLevel;
  manifest?: Manifest;
  comparison?: VerifyComparison;
  sandbox?: string;
  notes: string[];
}

type Body<T> = Omit<StepResult<T>, 'step' | 'durationMs'>;

export function verifySnapshot(plan: VerifyPlan, ports: GatePorts): Promise<StepResult<VerifyData>> {
  return timed(ports, 'verify', () => verifyBody(plan, ports), `${plan.dir} (level ${plan.level})`);
}

export interface FileCheck {
  ok: boolean;
  problems: string[];
  evidence: Record<string, unknown>;
}

/** Layer 1 and the cheap part of layer 2: hashes, sizes, header, TOC. */
export async function checkArchive(dir: string, m: Manifest, ports: GatePorts): Promise<FileCheck> {
  const problems: string[] = [];
  const hashed: string[] = [];
  for (const f of m.files) {
    const p = join(dir, f.path);
    const st = await ports.fs.stat(p);
    if (!st) {
      problems.push(`${f.path}: missing`);
      continue;
    }
    if (st.size !== f.size) problems.push(`${f.path}: size ${st.size} bytes, manifest says ${f.size}${st.size < f.size ? ' (truncated?)' : ''}`);
    const h = await ports.fs.sha256(p);
    if (h.sha256 !== f.sha256) problems.push(`${f.path}: sha256 ${h.sha256.slice(0, 12)}… does not match the manifest (${f.sha256.slice(0, 12)}…)`);
    else hashed.push(f.path);
  }
  const archive = join(dir, m.dump.path);
  const headerFile = m.dump.format === 'directory' ? join(archive, 'toc.dat') : archive;
  let header = '';
  try {
    header = (await ports.fs.head(headerFile, 5)).toString('latin1');
  } catch {
    /* reported below */
  }
  if (header !== 'PGDMP') problems.push(`${m.dump.format === 'directory' ? `${m.dump.path}/toc.dat` : m.dump.path}: no PGDMP header (not a pg_dump archive)`);
  const evidence: Record<string, unknown> = { filesHashed: hashed.length, files: m.files.length, header: header === 'PGDMP' ? 'PGDMP' : JSON.stringify(header) };
  if (problems.length) return { ok: false, problems, evidence };

  const list = await ports.dump.list(archive);
  if (list.code !== 0) return { ok: false, problems: [`pg_restore --list failed (${describeExit(list)}): ${stderrTail(list, 3)}`], evidence };
  const data = new Set<string>();
  for (const line of list.stdout.split('\n')) {
    const m2 = /^\d+; \d+ \d+ TABLE DATA (.+) \S+$/.exec(line);
    if (m2) data.add(m2[1]!);
  }
  const missing = m.fingerprint.tables.filter((t) => t.kind === 'table' && !data.has(`${t.schema} ${t.name}`)).map(tableKey);
  evidence.tocTableData = data.size;
  if (missing.length) problems.push(`pg_restore --list has no TABLE DATA entry for ${missing.length} table(s): ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`);
  return { ok: problems.length === 0, problems, evidence };
}

async function fullRead(dir: string, m: Manifest, ports: GatePorts): Promise<{ ok: boolean; problem?: string; durationMs: number }> {
  const r = await ports.dump.readAll(join(dir, m.dump.path));
  return r.code === 0 ? { ok: true, durationMs: Math.round(r.durationMs) } : { ok: false, problem: `full read (pg_restore -f /dev/null) failed (${describeExit(r)}): ${stderrTail(r, 3)}`, durationMs: Math.round(r.durationMs) };
}

const RANK: Record<VerificationLevel, number> = { none: 0, read: 1, restore: 2 };

async function verifyBody(plan: VerifyPlan, ports: GatePorts): Promise<Body<VerifyData>> {
  const read = await readManifest(ports.fs, plan.dir);
  if (!read.ok) {
    const exists = await ports.fs.stat(plan.dir);
    return { status: exists ? 'failed' : 'error', summary: read.problem, evidence: { dir: plan.dir }, data: { levelReached: 'none', notes: [read.problem] } };
  }
  const m = read.manifest;
  const notes: string[] = [];
  const evidence: Record<string, unknown> = { dir: plan.dir, snapshot: m.id };

  const finish = async (status: StepStatus, summary: string, level: VerificationLevel, extra: Partial<VerifyData> = {}): Promise<Body<VerifyData>> => {
    // Damage resets the recorded level so nothing downstream trusts this snapshot; a run that could
    // not finish keeps what an earlier run proved (the hashes just showed the files are unchanged).
    const recorded: VerificationLevel = status === 'failed' ? 'none' : status === 'error' && RANK[m.verification.level] > RANK[level] ? m.verification.level : level;
    let manifest = m;
    try {
      manifest = await writeManifest(ports.fs, plan.dir, {
        ...m,
        verification: { level: recorded, at: ports.clock.now().toISOString(), sandbox: extra.sandbox ?? null, notes: status === 'failed' ? [`damaged: ${summary}`, ...notes] : notes },
      });
    } catch (e) {
      notes.push(`could not update the manifest: ${(e as Error).message}`);
    }
    return { status, summary, evidence: { ...evidence, levelReached: level }, data: { levelReached: level, manifest, notes, ...extra } };
  };

  // The sandbox starts while the archive is checked (it takes about as long).
  const sourceMajor = Math.floor(m.source.serverVersionNum / 10000);
  const sandboxP = plan.level === 'restore' ? openSandbox({ mode: plan.sandbox, sourceMajor, source: plan.source, db: ports.db, bindir: plan.bindir }) : null;
  const files = await checkArchive(plan.dir, m, ports).catch(async (e) => {
    await sandboxP?.then((o) => (o.ok ? o.sandbox.close() : undefined)).catch(() => {});
    throw e;
  });
  Object.assign(evidence, files.evidence);
  if (!files.ok) {
    await sandboxP?.then((o) => (o.ok ? o.sandbox.close() : undefined)).catch(() => {});
    return finish('failed', `snapshot damaged: ${files.problems.join('; ')}`, 'none');
  }

  if (plan.level === 'read') {
    const fr = await fullRead(plan.dir, m, ports);
    evidence.fullReadMs = fr.durationMs;
    if (!fr.ok) return finish('failed', `snapshot damaged: ${fr.problem}`, 'none');
    return finish('ok', `verified to level read: ${m.files.length} file(s) hashed, header and table of contents intact, full read passed`, 'read');
  }

  const opened = await sandboxP!;
  evidence.sandboxesTried = opened.tried;
  if (!opened.ok) {
    const fr = await fullRead(plan.dir, m, ports);
    evidence.fullReadMs = fr.durationMs;
    if (!fr.ok) return finish('failed', `snapshot damaged: ${fr.problem}`, 'none');
    notes.push(`no sandbox available for a restore (${opened.tried.join('; ')}); verification stopped at level read`);
    return finish('error', `verified to level read only: no sandbox to restore into (${opened.tried.join('; ')})`, 'read');
  }
  const sb = opened.sandbox;
  evidence.sandbox = sb.description;
  try {
    // Parallel restore (custom archives too) is the biggest win on a multi-core machine.
    const jobs = plan.jobs ?? Math.max(m.dump.jobs, Math.min(2, availableParallelism()));
    const rr = await ports.dump.restore({ target: sb.target, database: sb.target.database, archive: join(plan.dir, m.dump.path), jobs, noOwner: true, singleTransaction: jobs <= 1, signal: plan.signal });
    evidence.restore = { args: rr.args, durationMs: Math.round(rr.durationMs) };
    if (rr.code !== 0) {
      const fr = await fullRead(plan.dir, m, ports);
      if (!fr.ok) return finish('failed', `snapshot damaged: ${fr.problem}`, 'none', { sandbox: sb.description });
      notes.push(`restore into the sandbox failed, though the archive reads fully: ${stderrTail(rr, 4)}`);
      return finish('error', `could not restore into the sandbox (${describeExit(rr)}): ${stderrTail(rr, 4)}`, 'read', { sandbox: sb.description });
    }
    const session = await openSnapshotSession(ports.db, sb.target, Math.max(0, (plan.fingerprintConnections ?? 2) - 1));
    let fp;
    try {
      fp = await collectFingerprint(session.client, { workers: session.workers, now: () => ports.clock.now() });
    } finally {
      await session.close();
    }
    evidence.fingerprintMs = fp.stats.durationMs;
    const cmp = compareForVerify(m.fingerprint, fp);
    for (const e of cmp.expected.filter((d) => d.kind !== 'sequence-value-changed')) notes.push(`expected difference: ${e.subject}: ${e.message}`);
    if (cmp.notCompared.length) notes.push(`counts not compared for estimated tables: ${cmp.notCompared.join(', ')}`);
    if (!cmp.equal) {
      return finish('failed', `restored snapshot does not match its fingerprint: ${cmp.mismatches.length} difference(s), first: ${cmp.mismatches[0]!.subject}: ${cmp.mismatches[0]!.message}`, 'none', { comparison: cmp, sandbox: sb.description });
    }
    const rows = fp.tables.reduce((n, t) => n + (t.rows ?? 0), 0);
    return finish('ok', `verified to level restore: restored into ${sb.description}; fingerprint equal (${fp.tables.length} tables, ${rows} rows)`, 'restore', { comparison: cmp, sandbox: sb.description });
  } finally {
    await sb.close().catch(() => {});
  }
}
