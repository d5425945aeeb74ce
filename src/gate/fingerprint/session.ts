/**
 * One consistent view of the database: a REPEATABLE READ READ ONLY transaction that exports its
 * snapshot, plus worker connections that import it. The fingerprint is computed inside it while
 * pg_dump --snapshot=<id> dumps exactly the same state.
 */
import type { Client } from 'pg';
import type { ConnTarget } from '../conn.js';
import { connectError } from '../conn.js';
import type { Db } from '../ports.js';
import { GateError } from '../../errors.js';

export interface SourceIdentity {
  serverVersion: string;
  serverVersionNum: number;
  /** pg_control_system().system_identifier; null when not readable by this role. */
  systemIdentifier: string | null;
  database: string;
  encoding: string;
}

export interface SnapshotSession {
  client: Client;
  snapshotId: string;
  workers: Client[];
  identity: SourceIdentity;
  close(): Promise<void>;
}

export async function connect(db: Db, target: ConnTarget, database?: string): Promise<Client> {
  try {
    return await db.connect(target, database);
  } catch (e) {
    throw connectError(target, e, database);
  }
}

export async function readIdentity(c: Client): Promise<SourceIdentity> {
  const r = (
    await c.query(`SELECT current_setting('server_version') AS v, current_setting('server_version_num')::int AS n, current_database() AS db,
                          pg_encoding_to_char(d.encoding) AS enc
                     FROM pg_database d WHERE d.datname = current_database()`)
  ).rows[0];
  let sysid: string | null = null;
  try {
    await c.query('SAVEPOINT migsafe_sysid');
    sysid = (await c.query(`SELECT system_identifier::text AS s FROM pg_control_system()`)).rows[0].s;
    await c.query('RELEASE SAVEPOINT migsafe_sysid');
  } catch {
    await c.query('ROLLBACK TO SAVEPOINT migsafe_sysid').catch(() => {});
  }
  return { serverVersion: r.v, serverVersionNum: r.n, systemIdentifier: sysid, database: r.db, encoding: r.enc };
}

/** Open the exporting transaction and `workers` extra connections inside the same snapshot. */
export async function openSnapshotSession(db: Db, target: ConnTarget, workers: number, lockTimeoutMs = 30_000): Promise<SnapshotSession> {
  const client = await connect(db, target);
  const extra: Client[] = [];
  // Ending the connection ends the transaction; it also abandons any query still running.
  const close = async () => {
    await Promise.all([client, ...extra].map((c) => c.end().catch(() => {})));
  };
  const lockTimeout = `SET LOCAL lock_timeout = '${Math.max(0, Math.round(lockTimeoutMs))}ms'`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(lockTimeout);
    const snapshotId = (await client.query('SELECT pg_export_snapshot() AS s')).rows[0].s as string;
    const identity = await readIdentity(client);
    await Promise.all(
      Array.from({ length: workers }, async () => {
        const w = await connect(db, target);
        extra.push(w);
        await w.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        await w.query(`SET TRANSACTION SNAPSHOT '${snapshotId.replace(/'/g, "''")}'`);
        await w.query(lockTimeout);
      }),
    );
    return { client, snapshotId, workers: extra, identity, close };
  } catch (e) {
    await close();
    if (e instanceof GateError) throw e;
    throw new GateError(`cannot open a consistent snapshot on ${target.database}: ${(e as Error).message}`);
  }
}

/** A read-only consistent transaction without export (for `check` and re-fingerprints). */
export async function withReadOnlySnapshot<T>(db: Db, target: ConnTarget, workers: number, fn: (s: SnapshotSession) => Promise<T>, database?: string): Promise<T> {
  const t = database ? { ...target, database } : target;
  const s = await openSnapshotSession(db, t, workers);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}
