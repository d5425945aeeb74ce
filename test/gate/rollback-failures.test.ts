/** runGate() with real Alembic: downgrades that fail, refusals, --downgrade-cmd. */
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

describe.skipIf(skip)(`rollback gate with real Alembic: failures and refusals${skip ? ` — skipped: ${reason}` : ''}`, () => {
  const pgc = useCluster();

  it('a downgrade failing half way: exit 1, the revision it stopped at, what changed, and auto-restore to the start', async () => {
    const db = await pgc.newDb('half');
    const ini = await alembicProject('halfway', db, 'head');
    const r = await gate(db, ini, 'h1', { autoRestore: true });
    expect(r.exitCode).toBe(1);
    const down = step(r, 'downgrade')!;
    expect(down.status).toBe('failed');
    expect(down.summary).toMatch(/division by zero.*; the database is now at h2$/);
    expect(r.differences).toEqual(expect.arrayContaining([expect.objectContaining({ class: 'data-loss', kind: 'table-dropped', subject: 'public.audit', before: 50 })]));
    expect(step(r, 'restore')!.status).toBe('ok');
    expect(await revision(db)).toEqual(['h3']);
    expect(await count(db.target, 'SELECT count(*) AS n FROM audit')).toBe(50);
  });

  it('refuses a revision graph with two heads (exit 2) before touching anything', async () => {
    const db = await pgc.newDb('heads');
    const ini = await alembicProject('branched', db, 'heads');
    const r = await gate(db, ini, 'r1');
    expect(r.exitCode).toBe(2);
    expect(step(r, 'preflight')!.summary).toMatch(/2 heads \(r2_(left|right), r2_(left|right)\)/);
    expect(r.steps).toHaveLength(1);
    expect(r.snapshotDir).toBeNull();
  });

  it('refuses to downgrade when verification cannot reach restore, unless --allow-unverified', async () => {
    const db = await pgc.newDb('unver');
    const ini = await alembicProject('shop', db, 'b2');
    const noSandbox = { sandbox: 'local' as const, bindir: '/nonexistent' };
    const r = await gate(db, ini, 'a1', noSandbox);
    expect(r.exitCode).toBe(2);
    expect(step(r, 'verify')!.summary).toMatch(/verified to level read only.*refusing to downgrade/);
    expect(await revision(db)).toEqual(['b2']);
    const r2 = await gate(db, ini, 'a1', { ...noSandbox, allowUnverified: true });
    expect(r2.exitCode).toBe(0);
    expect(step(r2, 'verify')!.status).toBe('warn');
    expect(await revision(db)).toEqual(['a1']);
  });

  it('--downgrade-cmd runs through the shell with the URL in its environment, not its argv', async () => {
    const db = await pgc.newDb('cmd');
    const ini = await alembicProject('shop', db, 'b2');
    const r = await runGate(
      { target: db.target, to: 'a1', snapshotDir: out.path, downgradeCmd: `/usr/bin/alembic -c '${ini}' downgrade "$MIGSAFE_TARGET_REVISION"`, sandbox: 'server' },
      ports(),
    );
    expect(r.exitCode, JSON.stringify(r.steps, null, 1)).toBe(0);
    expect(await revision(db)).toEqual(['a1']);
  });
});
