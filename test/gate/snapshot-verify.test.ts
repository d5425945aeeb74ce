/** Snapshot, fingerprint and verify against a real PostgreSQL cluster. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../src/gate/steps/snapshot.js';
import { verifySnapshot } from '../../src/gate/steps/verify.js';
import { readManifest } from '../../src/gate/manifest.js';
import { fingerprintNow } from '../../src/gate/steps/post-checks.js';
import { diffFingerprints } from '../../src/gate/fingerprint/diff.js';
import { nodeFs } from '../../src/gate/adapters/fs.js';
import { HAVE_PG, NO_PG_REASON, count, ports, shopSchema, tempDir, useCluster, BINDIR } from './helpers.js';

const out = tempDir();
afterAll(() => out.cleanup());

const plan = (target: any, extra: Record<string, unknown> = {}) => ({
  target,
  outDir: out.path,
  format: 'custom' as const,
  jobs: 1,
  fingerprintConnections: 2,
  lockWaitTimeoutMs: 10_000,
  ...extra,
});

describe.skipIf(!HAVE_PG)(`snapshot + verify (real PostgreSQL)${HAVE_PG ? '' : ` — skipped: ${NO_PG_REASON}`}`, () => {
  const pgc = useCluster();

  it('fingerprint: exact counts, non-null counts, types, constraints with validation, indexes, sequences, NOT VALID violations, extensions', async () => {
    const db = await pgc.newDb('fp');
    await shopSchema(db, 40, 100);
    await db.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      ALTER TABLE orders ADD CONSTRAINT small_amount CHECK (amount < 40) NOT VALID;
      CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
      INSERT INTO alembic_version VALUES ('abc123');
      CREATE TABLE t_bad_seq (id serial PRIMARY KEY);
      INSERT INTO t_bad_seq (id) VALUES (1), (2), (50);`);
    const fp = await fingerprintNow(db.target, ports());
    const users = fp.tables.find((t) => t.name === 'users')!;
    expect(users.rows).toBe(40);
    expect(users.columns.find((c) => c.name === 'name')).toMatchObject({ type: 'text', nonNull: 30, notNull: false });
    expect(users.columns.find((c) => c.name === 'email')).toMatchObject({ notNull: true, nonNull: 40 });
    const orders = fp.tables.find((t) => t.name === 'orders')!;
    expect(orders.constraints.find((c) => c.name === 'small_amount')).toMatchObject({ validated: false, type: 'c' });
    // amounts are (g % 50) + 1 for g in 1..100: 11 of every 50 are ≥ 40
    expect(orders.constraints.find((c) => c.name === 'small_amount')!.violations).toBe(await count(db.target, 'SELECT count(*) AS n FROM orders WHERE NOT (amount < 40)'));
    expect(orders.constraints.find((c) => c.type === 'f')).toMatchObject({ validated: true, violations: null });
    expect(orders.indexes.map((i) => i.name).sort()).toEqual(['orders_pkey', 'orders_user_idx']);
    expect(fp.sequences.find((s) => s.name === 'orders_id_seq')).toMatchObject({ lastValue: '100', columnMax: '100', behind: false, ownedBy: { table: 'public.orders', column: 'id' } });
    expect(fp.sequences.find((s) => s.name === 't_bad_seq_id_seq')).toMatchObject({ behind: true, columnMax: '50' });
    expect(fp.extensions.map((e) => e.name)).toContain('pg_trgm');
    expect(fp.alembicVersion).toEqual(['abc123']);
    expect(fp.stats.connections).toBe(2);
  });

  it('--estimate-rows-above labels big tables as estimates', async () => {
    const db = await pgc.newDb('est');
    await shopSchema(db, 50, 2000);
    await db.query('ANALYZE');
    const fp = await fingerprintNow(db.target, ports(), { estimateRowsAbove: 1000 });
    expect(fp.estimatedTables).toEqual(['public.orders']);
    const orders = fp.tables.find((t) => t.name === 'orders')!;
    expect(orders.estimated).toBe(true);
    expect(orders.rows).toBeGreaterThan(1500);
    expect(fp.tables.find((t) => t.name === 'users')!.estimated).toBe(false);
  });

  it('snapshot writes dump + sealed manifest atomically with private modes; verify --level restore proves it', async () => {
    const db = await pgc.newDb('snap');
    await shopSchema(db);
    const s = await takeSnapshot(plan(db.target), ports());
    expect(s.status, s.summary).toBe('ok');
    const dir = s.data!.dir;
    expect(readdirSync(out.path).filter((n) => n.includes('.partial'))).toEqual([]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(m).toMatchObject({ format: 'migsafe-snapshot', version: 1, dump: { format: 'custom', path: 'dump.pgdump' }, verification: { level: 'none' } });
    expect(m.source.systemIdentifier).toMatch(/^\d+$/);
    expect(m.source).toMatchObject({ database: db.name, encoding: 'UTF8' });
    expect(m.dump.args.join(' ')).toContain(`--snapshot=${m.snapshotId}`);
    expect(m.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    const v = await verifySnapshot({ dir, level: 'restore', sandbox: 'local', bindir: BINDIR }, ports());
    expect(v.status, v.summary).toBe('ok');
    expect(v.data!.levelReached).toBe('restore');
    expect(v.data!.comparison!.equal).toBe(true);
    const after = await readManifest(nodeFs, dir);
    expect(after.ok && after.manifest.verification).toMatchObject({ level: 'restore', sandbox: expect.stringContaining('local') });
  });

  it('verify --level read: hashes, header, TOC (one TABLE DATA per table) and a full read', async () => {
    const db = await pgc.newDb('read');
    await shopSchema(db, 20, 20);
    const s = await takeSnapshot(plan(db.target), ports());
    const v = await verifySnapshot({ dir: s.data!.dir, level: 'read', sandbox: 'auto' }, ports());
    expect(v.status, v.summary).toBe('ok');
    expect(v.evidence).toMatchObject({ tocTableData: 2, header: 'PGDMP', filesHashed: 1 });
  });

  it('directory format with --jobs 2 snapshots and verifies', async () => {
    const db = await pgc.newDb('dir');
    await shopSchema(db, 100, 300);
    const s = await takeSnapshot(plan(db.target, { format: 'directory', jobs: 2 }), ports());
    expect(s.status, s.summary).toBe('ok');
    expect(s.data!.manifest.files.length).toBeGreaterThan(2);
    expect(s.data!.manifest.files.every((f) => f.path.startsWith('dump.dir/'))).toBe(true);
    const v = await verifySnapshot({ dir: s.data!.dir, level: 'restore', sandbox: 'local', bindir: BINDIR }, ports());
    expect(v.status, v.summary).toBe('ok');
  });

  it('invalid indexes: pg_dump leaves them out, verify reports them as expected differences', async () => {
    const db = await pgc.newDb('inval');
    await shopSchema(db, 30, 30);
    // A failed CREATE UNIQUE INDEX CONCURRENTLY leaves an invalid index behind.
    await db.query(`INSERT INTO users (email, name) VALUES ('dup@x.test', 'a'), ('dup2@x.test', 'a')`);
    await db.query('CREATE UNIQUE INDEX CONCURRENTLY users_name_uniq ON users(name)').catch(() => {});
    const fp = await fingerprintNow(db.target, ports());
    expect(fp.tables.find((t) => t.name === 'users')!.indexes.find((i) => i.name === 'users_name_uniq')).toMatchObject({ valid: false });
    const s = await takeSnapshot(plan(db.target), ports());
    const v = await verifySnapshot({ dir: s.data!.dir, level: 'restore', sandbox: 'local', bindir: BINDIR }, ports());
    expect(v.status, v.summary).toBe('ok');
    expect(v.data!.notes.join('\n')).toMatch(/users_name_uniq: invalid index: pg_dump leaves it out/);
  });

  it('concurrent writer: inserts continue during the snapshot, and the counts match the dump exactly', async () => {
    const db = await pgc.newDb('conc');
    await shopSchema(db, 200, 20_000);
    const writer = new pg.Client({ host: db.target.host, port: db.target.port, user: 'postgres', database: db.name });
    await writer.connect();
    let stop = false;
    let inserted = 0;
    const loop = (async () => {
      while (!stop) {
        await writer.query(`INSERT INTO orders (user_id, amount) SELECT (g % 200) + 1, 5 FROM generate_series(1, 50) g`);
        await writer.query(`UPDATE users SET name = NULL WHERE id = ${(inserted % 200) + 1}`);
        inserted += 50;
      }
    })();
    try {
      await new Promise((r) => setTimeout(r, 50));
      const before = inserted;
      const s = await takeSnapshot(plan(db.target), ports());
      expect(s.status, s.summary).toBe('ok');
      const during = inserted - before;
      const v = await verifySnapshot({ dir: s.data!.dir, level: 'restore', sandbox: 'local', bindir: BINDIR }, ports());
      stop = true;
      await loop;
      expect(during, 'the writer kept inserting while the snapshot ran').toBeGreaterThan(0);
      expect(v.status, v.summary).toBe('ok');
      const snapRows = s.data!.manifest.fingerprint.tables.find((t) => t.name === 'orders')!.rows!;
      const live = await count(db.target, 'SELECT count(*) AS n FROM orders');
      expect(live).toBeGreaterThan(snapRows);
      expect(v.data!.comparison!.mismatches).toEqual([]);
    } finally {
      stop = true;
      await loop.catch(() => {});
      await writer.end();
    }
  });

  it('diff: a dropped-and-re-added column keeps the row count but loses its non-null count', async () => {
    const db = await pgc.newDb('diff');
    await shopSchema(db, 50, 10);
    const before = await fingerprintNow(db.target, ports());
    await db.query('ALTER TABLE users DROP COLUMN name; ALTER TABLE users ADD COLUMN name text');
    const after = await fingerprintNow(db.target, ports());
    const d = diffFingerprints(before, after);
    expect(d.filter((x) => x.class === 'data-loss')).toEqual([
      expect.objectContaining({ kind: 'column-values-lost', subject: 'public.users.name', before: 38, after: 0 }),
    ]);
    expect(d.find((x) => x.kind === 'rows-gone')).toBeUndefined();
  });
});
