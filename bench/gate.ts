/**
 * Gate benchmark: a generated 1M-row database across four related tables in an ephemeral cluster,
 * and three times measured in the same run (median of `rounds`, interleaved):
 *   gate         migsafe snapshot + verify --level restore (local sandbox cluster included)
 *   raw          pg_dump -Fc + pg_restore into a fresh database on the already running server
 *   fingerprint  the fingerprint alone
 * Target: gate ≤ 1.3 × raw. bench/run.ts calls benchGate(); bench/gate-run.ts runs it alone.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCluster, type EphemeralCluster } from '../src/gate/cluster.js';
import { findBindir, binPath } from '../src/gate/adapters/pgtools.js';
import { childEnv } from '../src/gate/conn.js';
import { runProc } from '../src/gate/adapters/proc.js';
import { realPorts } from '../src/gate/real-ports.js';
import { takeSnapshot } from '../src/gate/steps/snapshot.js';
import { verifySnapshot } from '../src/gate/steps/verify.js';
import { fingerprintNow } from '../src/gate/steps/post-checks.js';

export interface GateBenchOptions {
  /** Total rows across the tables (default 1,000,000). */
  rows?: number;
  /** Interleaved repetitions; the median is reported (default 3). */
  rounds?: number;
  /** Fingerprint connections (default 2). */
  fingerprintConnections?: number;
  log?: (line: string) => void;
}

export interface GateBenchResult {
  rows: number;
  tables: number;
  archiveBytes: number;
  /** pg_database_size of the generated database. */
  databaseBytes: number;
  rounds: number;
  /** Medians, milliseconds. */
  gateMs: number;
  snapshotMs: number;
  verifyMs: number;
  rawMs: number;
  rawDumpMs: number;
  rawRestoreMs: number;
  /** For reference: pg_restore --jobs 2 into a fresh database (what verify uses on 2+ cores). */
  rawRestoreJobs2Ms: number;
  fingerprintMs: number;
  /** gate / raw */
  ratio: number;
  target: number;
  pass: boolean;
  samples: { gate: number[]; snapshot: number[]; verify: number[]; raw: number[]; rawDump: number[]; rawRestore: number[]; rawRestoreJobs2: number[]; fingerprint: number[] };
  pgVersion: string;
  notes: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** customers 10 %, products 1 %, orders 30 %, order_items 59 % of the rows. */
async function generate(c: pg.Client, rows: number): Promise<void> {
  const customers = Math.round(rows * 0.1);
  const products = Math.round(rows * 0.01);
  const orders = Math.round(rows * 0.3);
  const items = rows - customers - products - orders;
  await c.query(`
    CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, name text, country char(2), created_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE products (id serial PRIMARY KEY, sku text NOT NULL UNIQUE, title text NOT NULL, price numeric(10,2) NOT NULL CHECK (price >= 0));
    CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers(id), status text NOT NULL DEFAULT 'new', placed_at timestamptz NOT NULL, note text);
    CREATE TABLE order_items (id bigserial PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders(id), product_id int NOT NULL REFERENCES products(id), qty int NOT NULL CHECK (qty > 0), unit_price numeric(10,2) NOT NULL);
    INSERT INTO customers (email, name, country, created_at)
      SELECT 'c' || g || '@example.com', CASE WHEN g % 7 = 0 THEN NULL ELSE 'Customer ' || g END, (ARRAY['DE','FR','US','JP','BR'])[1 + g % 5], now() - (g || ' minutes')::interval
      FROM generate_series(1, ${customers}) g;
    INSERT INTO products (sku, title, price) SELECT 'SKU-' || g, 'Product ' || g, (g % 500) + 0.99 FROM generate_series(1, ${products}) g;
    INSERT INTO orders (customer_id, status, placed_at, note)
      SELECT 1 + (g::bigint * 7919) % ${customers}, (ARRAY['new','paid','shipped','done'])[1 + g % 4], now() - (g || ' seconds')::interval, CASE WHEN g % 10 = 0 THEN 'gift' END
      FROM generate_series(1, ${orders}) g;
    INSERT INTO order_items (order_id, product_id, qty, unit_price)
      SELECT 1 + g % ${orders}, 1 + (g::bigint * 31) % ${products}, 1 + g % 5, (g % 500) + 0.99 FROM generate_series(1, ${items}) g;
    CREATE INDEX orders_customer_idx ON orders (customer_id);
    CREATE INDEX order_items_order_idx ON order_items (order_id);
  `);
  await c.query('VACUUM ANALYZE');
}

export async function benchGate(opts: GateBenchOptions = {}): Promise<GateBenchResult> {
  const rows = opts.rows ?? 1_000_000;
  const rounds = opts.rounds ?? 3;
  const log = opts.log ?? (() => {});
  const bindir = findBindir(15);
  const work = mkdtempSync(join(tmpdir(), 'migsafe-bench-gate-'));
  let cluster: EphemeralCluster | undefined;
  try {
    cluster = await startCluster({ bindir });
    await cluster.createDatabase('bench');
    const target = cluster.target('bench');
    const c = new pg.Client({ host: target.host, port: target.port, user: target.user, database: 'bench' });
    c.on('error', () => {});
    await c.connect();
    const tg = performance.now();
    await generate(c, rows);
    const pgVersion = (await c.query('SHOW server_version')).rows[0].server_version as string;
    const databaseBytes = Number((await c.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b);
    await c.end();
    log(`generated ${rows} rows in ${((performance.now() - tg) / 1000).toFixed(1)} s`);

    const ports = realPorts({ bindir });
    const samples: GateBenchResult['samples'] = { gate: [], snapshot: [], verify: [], raw: [], rawDump: [], rawRestore: [], rawRestoreJobs2: [], fingerprint: [] };
    let archiveBytes = 0;
    for (let i = 0; i < rounds; i++) {
      // gate: snapshot + verify --level restore
      const outDir = join(work, `gate-${i}`);
      const t0 = performance.now();
      const s = await takeSnapshot({ target, outDir, format: 'custom', jobs: 1, fingerprintConnections: opts.fingerprintConnections ?? 2, lockWaitTimeoutMs: 30_000 }, ports);
      const t1 = performance.now();
      if (s.status !== 'ok' || !s.data) throw new Error(`snapshot failed: ${s.summary}`);
      const v = await verifySnapshot({ dir: s.data.dir, level: 'restore', sandbox: 'local', bindir, fingerprintConnections: opts.fingerprintConnections ?? 2 }, ports);
      const t2 = performance.now();
      if (v.status !== 'ok') throw new Error(`verify failed: ${v.summary}`);
      samples.snapshot.push(t1 - t0);
      samples.verify.push(t2 - t1);
      samples.gate.push(t2 - t0);
      archiveBytes = s.data.manifest.files[0]!.size;
      rmSync(outDir, { recursive: true, force: true });

      // raw: pg_dump -Fc + pg_restore into a fresh database
      const file = join(work, `raw-${i}.pgdump`);
      const fresh = `raw_${i}`;
      const r0 = performance.now();
      const d = await runProc({ cmd: binPath(bindir, 'pg_dump'), args: ['-Fc', '-f', file], env: childEnv(target) });
      const r1 = performance.now();
      if (d.code !== 0) throw new Error(`pg_dump failed: ${d.stderr}`);
      const admin = new pg.Client({ host: target.host, port: target.port, user: target.user, database: 'postgres' });
      admin.on('error', () => {});
      await admin.connect();
      await admin.query(`CREATE DATABASE ${fresh}`);
      const rr = await runProc({ cmd: binPath(bindir, 'pg_restore'), args: ['-d', fresh, file], env: childEnv(target, fresh) });
      const r2 = performance.now();
      if (rr.code !== 0) throw new Error(`pg_restore failed: ${rr.stderr}`);
      await admin.query(`DROP DATABASE ${fresh}`);
      await admin.query(`CREATE DATABASE ${fresh}_j2`);
      const j0 = performance.now();
      const rj = await runProc({ cmd: binPath(bindir, 'pg_restore'), args: ['-j', '2', '-d', `${fresh}_j2`, file], env: childEnv(target, `${fresh}_j2`) });
      samples.rawRestoreJobs2.push(performance.now() - j0);
      if (rj.code !== 0) throw new Error(`pg_restore -j 2 failed: ${rj.stderr}`);
      await admin.query(`DROP DATABASE ${fresh}_j2`);
      await admin.end();
      rmSync(file, { force: true });
      samples.rawDump.push(r1 - r0);
      samples.rawRestore.push(r2 - r1);
      samples.raw.push(r2 - r0);

      // fingerprint alone
      const f0 = performance.now();
      await fingerprintNow(target, ports, { connections: opts.fingerprintConnections ?? 2 });
      samples.fingerprint.push(performance.now() - f0);
      log(`round ${i + 1}/${rounds}: gate ${(samples.gate[i]! / 1000).toFixed(2)} s (snapshot ${(samples.snapshot[i]! / 1000).toFixed(2)} + verify ${(samples.verify[i]! / 1000).toFixed(2)}), raw ${(samples.raw[i]! / 1000).toFixed(2)} s (dump ${(samples.rawDump[i]! / 1000).toFixed(2)} + restore ${(samples.rawRestore[i]! / 1000).toFixed(2)}), fingerprint ${(samples.fingerprint[i]! / 1000).toFixed(2)} s`);
    }
    const gateMs = median(samples.gate);
    const rawMs = median(samples.raw);
    const ratio = gateMs / rawMs;
    return {
      rows,
      tables: 4,
      archiveBytes,
      databaseBytes,
      rounds,
      gateMs: Math.round(gateMs),
      snapshotMs: Math.round(median(samples.snapshot)),
      verifyMs: Math.round(median(samples.verify)),
      rawMs: Math.round(rawMs),
      rawDumpMs: Math.round(median(samples.rawDump)),
      rawRestoreMs: Math.round(median(samples.rawRestore)),
      rawRestoreJobs2Ms: Math.round(median(samples.rawRestoreJobs2)),
      fingerprintMs: Math.round(median(samples.fingerprint)),
      ratio: Math.round(ratio * 100) / 100,
      target: 1.3,
      pass: ratio <= 1.3,
      samples: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map(Math.round)])) as GateBenchResult['samples'],
      pgVersion,
      notes: [
        'gate = snapshot (fingerprint and pg_dump -Fc concurrently on one exported snapshot) + verify --level restore (sha256, TOC, restore into a fresh local sandbox cluster incl. its initdb/start/stop, fingerprint compare)',
        'raw = pg_dump -Fc + pg_restore into a fresh database on the already running server',
        'verify restores with pg_restore --jobs 2 (custom archives allow it) into a sandbox with fsync off and wal_level=minimal; rawRestoreJobs2 shows what --jobs alone buys',
      ],
    };
  } finally {
    await cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

export function formatGateBench(r: GateBenchResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `gate benchmark: ${r.rows.toLocaleString('en')} rows in ${r.tables} tables, database ${(r.databaseBytes / 1e6).toFixed(0)} MB, archive ${(r.archiveBytes / 1e6).toFixed(1)} MB, PostgreSQL ${r.pgVersion}, median of ${r.rounds}`,
    `  snapshot + verify --level restore  ${s(r.gateMs)}  (snapshot ${s(r.snapshotMs)} + verify ${s(r.verifyMs)})`,
    `  raw pg_dump -Fc + pg_restore       ${s(r.rawMs)}  (dump ${s(r.rawDumpMs)} + restore ${s(r.rawRestoreMs)})`,
    `  (reference) pg_restore --jobs 2    ${s(r.rawRestoreJobs2Ms)}`,
    `  fingerprint alone                  ${s(r.fingerprintMs)}`,
    `  ratio gate / raw                   ${r.ratio.toFixed(2)}×  (target ≤ ${r.target}×: ${r.pass ? 'met' : 'NOT met'})`,
  ].join('\n');
}
