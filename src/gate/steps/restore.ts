/**
 * Restore a snapshot onto its source database.
 *   swap (default)  restore into a side database, fingerprint it and require equality with the
 *                   snapshot, then swap names; the damaged database is kept under a new name
 *   clean           pg_restore --clean --if-exists --single-transaction in place (all or nothing),
 *                   then list leftovers (objects the snapshot does not have)
 * Refuses a target whose system identifier or database name differs from the manifest unless forced.
 * The step never asks for confirmation: the command does that, using restorePreview().
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Client } from 'pg';
import { displayUrl, type ConnTarget } from '../conn.js';
import { qi } from '../fingerprint/collect.js';
import { compareForVerify, type VerifyComparison } from '../fingerprint/diff.js';
import { connect } from '../fingerprint/session.js';
import { readManifest, type Manifest } from '../manifest.js';
import { describeExit, stderrTail } from '../adapters/proc.js';
import type { GatePorts } from '../ports.js';
import { checkArchive } from './verify.js';
import { fingerprintNow } from './post-checks.js';
import { timed, type StepResult } from './step.js';

export interface RestorePlan {
  dir: string;
  target: ConnTarget;
  mode: 'swap' | 'clean';
  force: boolean;
  jobs?: number;
  step?: string;
  signal?: AbortSignal;
}

export interface RestoreData {
  mode: 'swap' | 'clean';
  restoredInto: string;
  /** swap: the name the replaced database now has. */
  keptAs: string | null;
  leftovers: string[];
  comparison: VerifyComparison;
}

export interface TargetInfo {
  systemIdentifier: string | null;
  exists: boolean;
  owner: string | null;
  encoding: string | null;
  collate: string | null;
  ctype: string | null;
  acl: string | null;
}

export interface RestorePreview {
  manifest: Manifest | null;
  target: TargetInfo | null;
  /** Why the restore would be refused (without --force), or why it cannot run at all. */
  refusal: string | null;
  fatal: string | null;
  lines: string[];
}

/** Connect to a maintenance database on the target's server (postgres, then template1). */
async function adminConnect(ports: GatePorts, target: ConnTarget): Promise<Client> {
  try {
    return await connect(ports.db, target, 'postgres');
  } catch (e) {
    try {
      return await connect(ports.db, target, 'template1');
    } catch {
      throw e;
    }
  }
}

async function targetInfo(admin: Client, database: string): Promise<TargetInfo> {
  let sysid: string | null = null;
  try {
    sysid = (await admin.query(`SELECT system_identifier::text AS s FROM pg_control_system()`)).rows[0].s;
  } catch {
    /* not readable by this role */
  }
  const r = (
    await admin.query(
      `SELECT pg_get_userbyid(datdba) AS owner, pg_encoding_to_char(encoding) AS enc, datcollate AS coll, datctype AS ctype, datacl::text AS acl
         FROM pg_database WHERE datname = $1`,
      [database],
    )
  ).rows[0];
  return { systemIdentifier: sysid, exists: !!r, owner: r?.owner ?? null, encoding: r?.enc ?? null, collate: r?.coll ?? null, ctype: r?.ctype ?? null, acl: r?.acl ?? null };
}

export async function restorePreview(plan: RestorePlan, ports: GatePorts): Promise<RestorePreview> {
  const read = await readManifest(ports.fs, plan.dir);
  if (!read.ok) return { manifest: null, target: null, refusal: null, fatal: read.problem, lines: [] };
  const m = read.manifest;
  let admin: Client;
  try {
    admin = await adminConnect(ports, plan.target);
  } catch (e) {
    return { manifest: m, target: null, refusal: null, fatal: (e as Error).message, lines: [] };
  }
  let info: TargetInfo;
  try {
    info = await targetInfo(admin, plan.target.database);
  } finally {
    await admin.end().catch(() => {});
  }
  const problems: string[] = [];
  if (plan.target.database !== m.source.database) problems.push(`the target database is "${plan.target.database}" but the snapshot was taken from "${m.source.database}"`);
  if (m.source.systemIdentifier && info.systemIdentifier && m.source.systemIdentifier !== info.systemIdentifier)
    problems.push(`the target server's system identifier is ${info.systemIdentifier}, the snapshot's source was ${m.source.systemIdentifier} (a different cluster)`);
  else if (!m.source.systemIdentifier || !info.systemIdentifier) problems.push('cannot confirm the target is the snapshot\'s source cluster (system identifier not readable by this role)');
  const lines = [
    `Restore snapshot ${m.id} (taken ${m.createdAt} from ${m.source.url}, revision ${m.migration.revisions.join(', ') || 'none'})`,
    `  onto ${displayUrl(plan.target)}${info.exists ? '' : ' (the database does not exist: it will be created)'}`,
    plan.mode === 'swap'
      ? `  by restoring into a side database, checking its fingerprint, then swapping names; the current database is kept under a new name`
      : `  in place with pg_restore --clean --if-exists --single-transaction (all or nothing)`,
    `  Data written since ${m.createdAt} will be lost.`,
  ];
  return { manifest: m, target: info, refusal: problems.length ? problems.join('; ') : null, fatal: null, lines };
}

const limit63 = (s: string) => Buffer.from(s).subarray(0, 63).toString().replace(/\uFFFD$/, '');

export function restoreSnapshot(plan: RestorePlan, ports: GatePorts): Promise<StepResult<RestoreData>> {
  return timed(ports, plan.step ?? 'restore', async () => {
    const pre = await restorePreview(plan, ports);
    if (pre.fatal) return { status: pre.manifest ? 'error' : 'failed', summary: pre.fatal, evidence: { dir: plan.dir } };
    const m = pre.manifest!;
    const info = pre.target!;
    const evidence: Record<string, unknown> = { snapshot: m.id, db: displayUrl(plan.target), mode: plan.mode };
    if (pre.refusal && !plan.force) return { status: 'error', summary: `refusing to restore: ${pre.refusal} (pass --force if this really is the right database)`, evidence };
    if (pre.refusal) evidence.forced = pre.refusal;

    const files = await checkArchive(plan.dir, m, ports);
    if (!files.ok) return { status: 'failed', summary: `snapshot damaged, not restoring: ${files.problems.join('; ')}`, evidence: { ...evidence, ...files.evidence } };
    const archive = join(plan.dir, m.dump.path);
    const jobs = plan.jobs ?? m.dump.jobs;
    const db = plan.target.database;

    if (plan.mode === 'clean') {
      if (!info.exists) return { status: 'error', summary: `database ${db} does not exist; use the default swap mode to create it`, evidence };
      const rr = await ports.dump.restore({ target: plan.target, database: db, archive, jobs: 1, noOwner: false, clean: true, singleTransaction: true, signal: plan.signal });
      evidence.restore = { args: rr.args, durationMs: Math.round(rr.durationMs) };
      if (rr.code !== 0) return { status: 'failed', summary: `pg_restore --clean failed (${describeExit(rr)}) and was rolled back: ${stderrTail(rr, 4)}`, evidence };
      const fp = await fingerprintNow(plan.target, ports);
      const cmp = compareForVerify(m.fingerprint, fp);
      const leftoverKinds = new Set(['table-added', 'sequence-added', 'extension-added', 'constraint-added', 'index-added', 'column-added']);
      const leftovers = cmp.mismatches.filter((d) => leftoverKinds.has(d.kind)).map((d) => `${d.subject}: ${d.message}`);
      const real = cmp.mismatches.filter((d) => !leftoverKinds.has(d.kind));
      const data: RestoreData = { mode: 'clean', restoredInto: db, keptAs: null, leftovers, comparison: cmp };
      if (real.length) return { status: 'failed', summary: `restored in place, but the fingerprint differs from the snapshot: ${real.slice(0, 3).map((d) => `${d.subject} ${d.message}`).join('; ')}`, evidence, data };
      return {
        status: leftovers.length ? 'warn' : 'ok',
        summary: `restored ${db} in place; fingerprint equals the snapshot${leftovers.length ? `; ${leftovers.length} leftover object(s) not in the snapshot: ${leftovers.slice(0, 5).join('; ')}` : ''}`,
        evidence,
        data,
      };
    }

    // swap
    const stamp = ports.clock.now().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const side = limit63(`${db.slice(0, 30)}_migsafe_restore_${randomBytes(3).toString('hex')}`);
    const kept = limit63(`${db.slice(0, 32)}_migsafe_failed_${stamp}`);
    const admin = await adminConnect(ports, plan.target);
    let sideExists = false;
    try {
      const opts = [`TEMPLATE template0`];
      if (info.encoding) opts.push(`ENCODING ${lit(info.encoding)}`);
      if (info.collate) opts.push(`LC_COLLATE ${lit(info.collate)}`);
      if (info.ctype) opts.push(`LC_CTYPE ${lit(info.ctype)}`);
      if (info.owner) opts.push(`OWNER ${qi(info.owner)}`);
      await admin.query(`CREATE DATABASE ${qi(side)} ${opts.join(' ')}`);
      sideExists = true;
      const rr = await ports.dump.restore({ target: plan.target, database: side, archive, jobs, noOwner: false, singleTransaction: jobs <= 1, signal: plan.signal });
      evidence.restore = { args: rr.args, durationMs: Math.round(rr.durationMs), sideDatabase: side };
      if (rr.code !== 0) return { status: 'failed', summary: `pg_restore into the side database failed (${describeExit(rr)}); ${db} was not touched: ${stderrTail(rr, 4)}`, evidence };
      const sideFp = await fingerprintNow({ ...plan.target, database: side }, ports);
      const cmp = compareForVerify(m.fingerprint, sideFp);
      evidence.fingerprintMs = sideFp.stats.durationMs;
      if (!cmp.equal) return { status: 'failed', summary: `the restored copy does not match the snapshot; ${db} was not touched: ${cmp.mismatches.slice(0, 3).map((d) => `${d.subject} ${d.message}`).join('; ')}`, evidence };
      await copyDatabaseSettings(admin, db, side, info);

      // Swap names. The old database keeps its data under `kept`.
      if (info.exists) {
        await admin.query(`ALTER DATABASE ${qi(db)} WITH ALLOW_CONNECTIONS false`);
        try {
          await renameAway(admin, db, kept);
        } catch (e) {
          await admin.query(`ALTER DATABASE ${qi(db)} WITH ALLOW_CONNECTIONS true`).catch(() => {});
          throw e;
        }
        await admin.query(`ALTER DATABASE ${qi(kept)} WITH ALLOW_CONNECTIONS true`);
      }
      try {
        await admin.query(`ALTER DATABASE ${qi(side)} RENAME TO ${qi(db)}`);
        sideExists = false;
      } catch (e) {
        if (info.exists) await admin.query(`ALTER DATABASE ${qi(kept)} RENAME TO ${qi(db)}`).catch(() => {});
        throw e;
      }
      const data: RestoreData = { mode: 'swap', restoredInto: db, keptAs: info.exists ? kept : null, leftovers: [], comparison: cmp };
      return {
        status: 'ok',
        summary: `restored ${db} from snapshot ${m.id}; fingerprint equals the snapshot${info.exists ? `; the replaced database is kept as ${kept}` : ''}`,
        evidence: { ...evidence, keptAs: data.keptAs },
        data,
      };
    } finally {
      if (sideExists) await admin.query(`DROP DATABASE IF EXISTS ${qi(side)} WITH (FORCE)`).catch(() => {});
      await admin.end().catch(() => {});
    }
  });
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Rename a database that others may still be connected to: terminate them and retry briefly. */
async function renameAway(admin: Client, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [from]);
    try {
      await admin.query(`ALTER DATABASE ${qi(from)} RENAME TO ${qi(to)}`);
      return;
    } catch (e: any) {
      if (e?.code !== '55006' || attempt >= 20) throw e; // object_in_use
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Database-level settings (ALTER DATABASE … SET, per-role too) and grants follow the data. */
async function copyDatabaseSettings(admin: Client, from: string, to: string, info: TargetInfo): Promise<void> {
  if (!info.exists) return;
  const rows = (
    await admin.query(
      `SELECT CASE WHEN s.setrole = 0 THEN NULL ELSE pg_get_userbyid(s.setrole) END AS role, s.setconfig AS config
         FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = $1`,
      [from],
    )
  ).rows;
  for (const r of rows) {
    for (const kv of r.config as string[]) {
      const i = kv.indexOf('=');
      const stmt = `SET ${qi(kv.slice(0, i))} = ${lit(kv.slice(i + 1))}`;
      await admin.query(r.role ? `ALTER ROLE ${qi(r.role)} IN DATABASE ${qi(to)} ${stmt}` : `ALTER DATABASE ${qi(to)} ${stmt}`);
    }
  }
  if (info.acl) {
    await admin.query(`REVOKE ALL ON DATABASE ${qi(to)} FROM PUBLIC`);
    for (const item of info.acl.replace(/^\{|\}$/g, '').split(',')) {
      const m = /^"?([^=]*)=([A-Za-z*]*)\//.exec(item);
      if (!m) continue;
      const grantee = m[1] === '' ? 'PUBLIC' : qi(m[1]!.replace(/\\"/g, '"'));
      const privs = [m[2]!.includes('C') && 'CREATE', m[2]!.includes('c') && 'CONNECT', m[2]!.includes('T') && 'TEMPORARY'].filter(Boolean);
      if (privs.length) await admin.query(`GRANT ${privs.join(', ')} ON DATABASE ${qi(to)} TO ${grantee}`);
    }
  }
}
