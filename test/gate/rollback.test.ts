/** runGate() with real Alembic against a real PostgreSQL cluster. */
import { afterAll, describe, expect, it } from 'vitest';
import { runGate, type RollbackOptions } from '../../src/gate/run-gate.js';
import { alembicProject, count, HAVE_ALEMBIC, HAVE_PG, NO_ALEMBIC_REASON, NO_PG_REASON, ports, query, tempDir, useCluster, BINDIR, type TestDb } from './helpers.js';

const out = tempDir();
afterAll(() => out.cleanup());

const skip = !HAVE_PG || !HAVE_ALEMBIC;
const reason = !HAVE_PG ? NO_PG_REASON : NO_ALEMBIC_REASON;

/**
 * Most cases verify into a scratch database on the test server (--sandbox server) to keep the
 * suite fast; the first case and the CLI tests use the default local sandbox cluster.
 */
const gate = (db: TestDb, ini: string, to: string, extra: Partial<RollbackOptions> = {}) =>
  runGate({ target: db.target, to, snapshotDir: out.path, alembicConfig: ini, sandbox: 'server', bindir: BINDIR, lockWaitTimeoutMs: 10_000, ...extra }, ports());

const revision = async (db: TestDb) => (await db.query('SELECT version_num FROM alembic_version')).rows.map((r) => r.version_num);
const step = (r: Awaited<ReturnType<typeof runGate>>, name: string) => r.steps.find((s) => s.step === name);

describe.skipIf(skip)(`rollback gate with real Alembic${skip ? ` — skipped: ${reason}` : ''}`, () => {
  const pgc = useCluster();

  it('a safe downgrade passes: only drift (an empty column and an index dropped), exit 0', async () => {
    const db = await pgc.newDb('safe');
    const ini = await alembicProject('shop', db, 'b2');
    const r = await gate(db, ini, 'a1', { sandbox: 'auto' });
    expect(r.exitCode, JSON.stringify(r.steps, null, 1)).toBe(0);
    expect(step(r, 'verify')!.summary).toMatch(/restored into local ephemeral PostgreSQL 15 cluster/);
    expect(r.steps.map((s) => s.step)).toEqual(['preflight', 'snapshot', 'verify', 'downgrade', 'post-checks']);
    expect(r.verificationLevel).toBe('restore');
    expect(await revision(db)).toEqual(['a1']);
    expect(r.preflight!.drops).toEqual(expect.arrayContaining(['column orders.note', 'index orders_user_id_idx']));
    expect(r.differences.filter((d) => d.class === 'data-loss' || d.class === 'integrity')).toEqual([]);
    expect(r.differences.map((d) => d.kind)).toEqual(expect.arrayContaining(['column-dropped', 'index-lost', 'alembic-version-changed']));
    expect(step(r, 'downgrade')!.evidence.log).toEqual(['Running downgrade b2 -> a1, orders.note and an index on orders.user_id']);
    expect(r.restoreCommand).toBeNull();
    expect(r.reportFile).toMatch(/rollback-report-.*\.json$/);
  });

  it('a downgrade that drops and re-adds a column is caught: row count equal, every value NULL; exit 1 and the restore command', async () => {
    const db = await pgc.newDb('lossy');
    const ini = await alembicProject('shop', db, 'c3');
    const r = await gate(db, ini, 'b2');
    expect(r.exitCode).toBe(1);
    expect(step(r, 'downgrade')!.status).toBe('ok');
    expect(step(r, 'post-checks')!.status).toBe('failed');
    expect(r.differences.filter((d) => d.class === 'data-loss')).toEqual([
      expect.objectContaining({ kind: 'column-values-lost', subject: 'public.users.name', before: 200, after: 0 }),
    ]);
    expect(r.differences.find((d) => d.kind === 'rows-gone')).toBeUndefined();
    expect(r.restoreCommand).toMatch(/^migsafe restore \S+ --db 'postgresql:\/\/postgres@:\d+\/lossy_\d+_\d+\?host=\/[^']+' --yes$/);
    // pre-flight rendered and linted the downgrade SQL
    expect(r.preflight!.drops).toContain('column users.name');
    expect(r.preflight!.findings.map((f) => f.rule)).toContain('downgrade-data-loss');
    expect(r.preflight!.findings.map((f) => f.rule)).not.toContain('transaction-nesting');
    expect(await count(db.target, 'SELECT count(name) AS n FROM users')).toBe(0);
  });

  it('--auto-restore brings the data back and re-checks; the downgraded database is kept under a new name', async () => {
    const db = await pgc.newDb('auto');
    const ini = await alembicProject('shop', db, 'c3');
    const r = await gate(db, ini, 'b2', { autoRestore: true });
    expect(r.exitCode).toBe(1); // the downgrade still lost data
    expect(step(r, 'restore')!.status).toBe('ok');
    expect(step(r, 're-check')!.status).toBe('ok');
    expect(r.restored!.keptAs).toMatch(/^auto_\d+_\d+_migsafe_failed_\d{14}$/);
    expect(await count(db.target, 'SELECT count(name) AS n FROM users')).toBe(200);
    expect(await revision(db)).toEqual(['c3']);
    const kept = await query({ ...db.target, database: r.restored!.keptAs! }, 'SELECT count(name) AS n, (SELECT version_num FROM alembic_version) AS v FROM users');
    expect(kept.rows[0]).toMatchObject({ n: '0', v: 'b2' });
  });

  it('--accept-data-loss users.name passes, and still reports the counts', async () => {
    const db = await pgc.newDb('accept');
    const ini = await alembicProject('shop', db, 'c3');
    const r = await gate(db, ini, 'b2', { acceptDataLoss: ['users.name', 'users.nope'] });
    expect(r.exitCode).toBe(0);
    expect(r.differences.find((d) => d.subject === 'public.users.name' && d.class === 'data-loss')).toMatchObject({ accepted: true, before: 200, after: 0 });
    expect(r.unusedAccepts).toEqual(['users.nope']);
  });

  it('--dry-run: pre-flight, snapshot and verify only; nothing is downgraded', async () => {
    const db = await pgc.newDb('dry');
    const ini = await alembicProject('shop', db, 'c3');
    const r = await gate(db, ini, 'b2', { dryRun: true });
    expect(r.exitCode).toBe(0);
    expect(step(r, 'downgrade')).toMatchObject({ status: 'skipped', summary: expect.stringContaining('dry run') });
    expect(await revision(db)).toEqual(['c3']);
    expect(r.verificationLevel).toBe('restore');
    expect(step(r, 'verify')!.summary).toMatch(/restored into scratch database migsafe_verify_[0-9a-f]+ on the source server/);
    const left = await db.query(`SELECT count(*) AS n FROM pg_database WHERE datname LIKE 'migsafe_verify_%'`);
    expect(Number(left.rows[0].n), 'the scratch database is dropped').toBe(0);
  });

});
