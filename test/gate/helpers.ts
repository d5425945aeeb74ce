/**
 * Gate test helpers: one ephemeral PostgreSQL cluster per test file (as the `postgres` OS user when
 * running as root), one database per test. Always real PostgreSQL, never mocked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startCluster, localServerMajor, type EphemeralCluster } from '../../src/gate/cluster.js';
import { findBindir } from '../../src/gate/adapters/pgtools.js';
import type { ConnTarget } from '../../src/gate/conn.js';
import { migrationEnv } from '../../src/gate/alembic.js';
import { realPorts } from '../../src/gate/real-ports.js';
import type { GatePorts } from '../../src/gate/ports.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'fixtures', 'gate');
export const BINDIR = findBindir(15);
export const SERVER_MAJOR = localServerMajor(BINDIR);
export const HAVE_PG = SERVER_MAJOR !== null;
export const ALEMBIC = '/usr/bin/alembic';
export const HAVE_ALEMBIC =
  existsSync(ALEMBIC) && spawnSync('/usr/bin/python3', ['-c', 'import alembic, psycopg2, sqlalchemy'], { stdio: 'ignore' }).status === 0;
export const NO_PG_REASON = 'no PostgreSQL server binaries (pg_config --bindir / initdb / postgres) on this machine';
export const NO_ALEMBIC_REASON = 'real Alembic missing: apt-get install alembic python3-alembic python3-psycopg2';

export interface TestCluster {
  readonly cluster: EphemeralCluster;
  /** A fresh database for one test. */
  newDb(prefix?: string): Promise<TestDb>;
}

export interface TestDb {
  name: string;
  target: ConnTarget;
  url: string;
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
}

let counter = 0;

/** Start one cluster for the whole test file (beforeAll) and stop + delete it after (afterAll). */
export function useCluster(): TestCluster {
  let cluster: EphemeralCluster | undefined;
  beforeAll(async () => {
    if (HAVE_PG) cluster = await startCluster({ bindir: BINDIR });
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  return {
    get cluster() {
      if (!cluster) throw new Error('cluster not started');
      return cluster;
    },
    async newDb(prefix = 'db') {
      const c = cluster!;
      const name = `${prefix}_${process.pid}_${++counter}`;
      await c.createDatabase(name);
      return {
        name,
        target: c.target(name),
        url: c.url(name),
        query: (sql: string, params?: unknown[]) => query(c.target(name), sql, params),
      };
    },
  };
}

export async function query(target: ConnTarget, sql: string, params?: unknown[]): Promise<pg.QueryResult> {
  const c = new pg.Client({ host: target.host, port: target.port, user: target.user, password: target.password, database: target.database });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

export const count = async (target: ConnTarget, sql: string) => Number((await query(target, sql)).rows[0].n);

/** Run real Alembic against a database (URL through the environment, as the gate does). */
export function alembic(project: string, target: ConnTarget, args: string[]): { code: number; stdout: string; stderr: string } {
  const ini = join(FIXTURES, project, 'alembic.ini');
  const r = spawnSync(ALEMBIC, ['-c', ini, ...args], { cwd: join(FIXTURES, project), env: migrationEnv(target), encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Upgrade an Alembic fixture to `rev` and load its seed data. */
export async function alembicProject(project: string, db: TestDb, rev = 'head'): Promise<string> {
  const r = alembic(project, db.target, ['upgrade', rev]);
  if (r.code !== 0) throw new Error(`alembic upgrade ${rev} failed: ${r.stderr}`);
  await db.query(readFileSync(join(FIXTURES, project, 'seed.sql'), 'utf8'));
  return join(FIXTURES, project, 'alembic.ini');
}

export function tempDir(prefix = 'migsafe-gate-'): { path: string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

export function ports(): GatePorts {
  return realPorts({ bindir: BINDIR });
}

/** A small schema with the features the fingerprint covers. */
export async function shopSchema(db: TestDb, users = 300, orders = 900): Promise<void> {
  await db.query(`
    CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name text, created_at timestamptz DEFAULT now());
    CREATE TABLE orders (id bigserial PRIMARY KEY, user_id int NOT NULL REFERENCES users(id), amount numeric(10,2) CHECK (amount > 0), note text);
    CREATE INDEX orders_user_idx ON orders(user_id);
    INSERT INTO users (email, name) SELECT 'u' || g || '@x.test', CASE WHEN g % 4 = 0 THEN NULL ELSE 'name ' || g END FROM generate_series(1, ${users}) g;
    INSERT INTO orders (user_id, amount, note) SELECT (g % ${users}) + 1, (g % 50) + 1, CASE WHEN g % 3 = 0 THEN 'n' END FROM generate_series(1, ${orders}) g;
  `);
}
