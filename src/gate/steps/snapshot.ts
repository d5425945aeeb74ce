/**
 * Snapshot: export a snapshot, fingerprint inside it while pg_dump --snapshot dumps the same state,
 * hash every file, write the manifest last, then rename the partial directory into place.
 * Anything that fails leaves no directory that `verify` would accept (no manifest, or none at all).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { collectFingerprint } from '../fingerprint/collect.js';
import { openSnapshotSession, type SnapshotSession } from '../fingerprint/session.js';
import type { Fingerprint } from '../fingerprint/schema.js';
import { displayUrl, type ConnTarget } from '../conn.js';
import { writeManifest, type Manifest } from '../manifest.js';
import { describeExit, stderrTail } from '../adapters/proc.js';
import type { GatePorts } from '../ports.js';
import { timed, type StepResult } from './step.js';

export interface SnapshotPlan {
  target: ConnTarget;
  outDir: string;
  format: 'custom' | 'directory';
  /** pg_dump --jobs (directory format only). */
  jobs: number;
  /** Connections computing the fingerprint (1 = only the exporting one). */
  fingerprintConnections: number;
  estimateRowsAbove?: number;
  lockWaitTimeoutMs: number;
  signal?: AbortSignal;
}

export interface SnapshotData {
  dir: string;
  manifest: Manifest;
}

export const ARCHIVE = { custom: 'dump.pgdump', directory: 'dump.dir' } as const;

export function newSnapshotId(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}

export function takeSnapshot(plan: SnapshotPlan, ports: GatePorts): Promise<StepResult<SnapshotData>> {
  return timed(ports, 'snapshot', () => snapshotBody(plan, ports), displayUrl(plan.target));
}

async function snapshotBody(plan: SnapshotPlan, ports: GatePorts): Promise<Omit<StepResult<SnapshotData>, 'step' | 'durationMs'>> {
  const { fs, dump, clock } = ports;
  const where = displayUrl(plan.target);
  const pgDumpVersion = await dump.version();
  if (!pgDumpVersion) return { status: 'error', summary: `pg_dump not found or not runnable (${dump.pgDump}); install the PostgreSQL client tools or set MIGSAFE_PG_BINDIR`, evidence: { pgDump: dump.pgDump } };

  let session: SnapshotSession;
  try {
    session = await openSnapshotSession(ports.db, plan.target, Math.max(0, plan.fingerprintConnections - 1), plan.lockWaitTimeoutMs);
  } catch (e) {
    return { status: 'error', summary: (e as Error).message, evidence: { db: where } };
  }
  const serverMajor = Math.floor(session.identity.serverVersionNum / 10000);
  const dumpMajor = Number(pgDumpVersion.split('.')[0]);
  if (dumpMajor < serverMajor) {
    await session.close();
    return { status: 'error', summary: `pg_dump ${pgDumpVersion} is older than the server (${session.identity.serverVersion}); pg_dump must be at least the server's major version`, evidence: { pgDump: dump.pgDump } };
  }

  const now = clock.now();
  const id = newSnapshotId(now);
  const finalDir = join(plan.outDir, id);
  const partial = join(plan.outDir, `.${id}.partial`);
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort();
  plan.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let sessionOpen = true;
  const closeSession = async () => {
    if (sessionOpen) {
      sessionOpen = false;
      await session.close();
    }
  };
  try {
    await fs.mkdirPrivate(plan.outDir);
    await fs.mkdirPrivate(partial);
    const archiveRel = ARCHIVE[plan.format];
    const archive = join(partial, archiveRel);

    // pg_dump and the fingerprint read the same exported snapshot, concurrently.
    const dumpP = dump.dump({ target: plan.target, out: archive, format: plan.format, jobs: plan.jobs, snapshot: session.snapshotId, lockWaitTimeoutMs: plan.lockWaitTimeoutMs, signal: abort.signal });
    const fpP = collectFingerprint(session.client, { workers: session.workers, estimateRowsAbove: plan.estimateRowsAbove, now: () => clock.now() });
    // If the dump fails first, stop the fingerprint (closing its connections cancels the queries).
    let dumpFailedFirst = false;
    let fingerprintFailedFirst = false;
    const dumpDone = dumpP.then(async (r) => {
      if (r.code !== 0 && !fingerprintFailedFirst) {
        dumpFailedFirst = true;
        await closeSession();
      }
      return r;
    });
    const fpDone = fpP.then(
      (fp) => ({ ok: true as const, fp }),
      (e: Error) => {
        if (!dumpFailedFirst) {
          fingerprintFailedFirst = true;
          abort.abort();
        }
        return { ok: false as const, error: e };
      },
    );
    const [dr, fr] = await Promise.all([dumpDone, fpDone]);
    await closeSession();

    if (plan.signal?.aborted) return fail(fs, partial, 'error', 'interrupted: the partial snapshot was removed', {});
    // A fingerprint failure aborts pg_dump, so report it first; otherwise pg_dump's own failure.
    if (!fr.ok && fingerprintFailedFirst) return fail(fs, partial, 'error', `fingerprint failed: ${fr.error.message}`, {});
    if (dr.code !== 0) {
      return fail(fs, partial, 'error', `pg_dump failed (${describeExit(dr)})${dr.stderr.trim() ? `: ${stderrTail(dr, 4)}` : ''}`, { command: ['pg_dump', ...dr.args], stderr: stderrTail(dr) });
    }
    if (!fr.ok) return fail(fs, partial, 'error', `fingerprint failed: ${fr.error.message}`, {});
    const fingerprint: Fingerprint = fr.fp;

    // Private modes, then hashes.
    const st = await fs.stat(archive);
    const files: { path: string; size: number; sha256: string }[] = [];
    if (st?.isDirectory) {
      await fs.chmod(archive, 0o700);
      for (const f of await fs.listFiles(archive)) {
        await fs.chmod(join(archive, f), 0o600);
        files.push({ path: `${archiveRel}/${f}`, ...(await fs.sha256(join(archive, f))) });
      }
    } else {
      await fs.chmod(archive, 0o600);
      files.push({ path: archiveRel, ...(await fs.sha256(archive)) });
    }
    if (files.length === 0) return fail(fs, partial, 'error', 'pg_dump produced no files', {});

    const manifest = await writeManifest(fs, partial, {
      format: 'migsafe-snapshot',
      version: 1,
      id,
      createdAt: now.toISOString(),
      source: { url: where, ...session.identity },
      snapshotId: session.snapshotId,
      migration: fingerprint.alembicVersion ? { tool: 'alembic', revisions: fingerprint.alembicVersion } : { tool: 'none', revisions: [] },
      dump: { tool: 'pg_dump', version: pgDumpVersion, format: plan.format, path: archiveRel, args: dr.args, jobs: plan.jobs, durationMs: Math.round(dr.durationMs) },
      files,
      fingerprint,
      verification: { level: 'none', at: null, sandbox: null, notes: [] },
    });
    await fs.rename(partial, finalDir);
    const rows = fingerprint.tables.reduce((n, t) => n + (t.rows ?? 0), 0);
    return {
      status: 'ok',
      summary: `snapshot ${id}: ${fingerprint.tables.length} tables, ${rows} rows${fingerprint.estimatedTables.length ? ` (${fingerprint.estimatedTables.length} tables estimated)` : ''}, ${files.reduce((n, f) => n + f.size, 0)} bytes`,
      evidence: {
        dir: finalDir,
        snapshotId: session.snapshotId,
        pgDump: { version: pgDumpVersion, args: dr.args, durationMs: Math.round(dr.durationMs) },
        fingerprint: { durationMs: fingerprint.stats.durationMs, connections: fingerprint.stats.connections },
        files: files.length,
      },
      data: { dir: finalDir, manifest },
    };
  } catch (e) {
    abort.abort();
    await closeSession();
    const err = e as NodeJS.ErrnoException;
    return fail(fs, partial, 'error', `could not write the snapshot: ${err.code ? `${err.code}: ` : ''}${err.message}`, {});
  } finally {
    plan.signal?.removeEventListener('abort', onOuterAbort);
  }
}

async function fail(fs: GatePorts['fs'], partial: string, status: 'error' | 'failed', summary: string, evidence: Record<string, unknown>) {
  await fs.rm(partial).catch(() => {});
  return { status, summary, evidence: { ...evidence, removed: partial } };
}
