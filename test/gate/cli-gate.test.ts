/** The gate commands through the built binary (npm test builds first): output, exit codes, secrets. */
import { readFileSync, readdirSync, truncateSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStack, BIN } from '../cli-helpers.js';
import { alembicProject, count, HAVE_ALEMBIC, HAVE_PG, NO_PG_REASON, tempDir, useCluster, BINDIR, type TestDb } from './helpers.js';

const out = tempDir();
afterAll(() => out.cleanup());
const SECRET = 'Sup3r-Secret-pw';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
/** Async spawn (the cluster lives in this process; spawnSync would block nothing, but keep tests parallel-friendly). */
function migsafe(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: 'true', MIGSAFE_PG_BINDIR: BINDIR ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
/** The test cluster trusts local connections, so any password works: we only check it never leaks. */
const urlWithPassword = (db: TestDb) => db.url.replace('postgresql://postgres@', `postgresql://postgres:${SECRET}@`);
const noSecret = (r: Run) => {
  expect(r.stdout + r.stderr).not.toContain(SECRET);
  expect(hasStack(r.stderr)).toBe(false);
};

describe.skipIf(!HAVE_PG)(`gate CLI${HAVE_PG ? '' : ` — skipped: ${NO_PG_REASON}`}`, () => {
  const pgc = useCluster();
  let snap: { db: TestDb; dir: string } | undefined;
  async function snapshot(): Promise<{ db: TestDb; dir: string }> {
    if (snap) return snap;
    const db = await pgc.newDb('cli');
    await db.query(`CREATE TABLE t (id serial PRIMARY KEY, v text); INSERT INTO t (v) SELECT 'v' || g FROM generate_series(1, 500) g;`);
    const r = await migsafe(['snapshot', '--db', urlWithPassword(db), '--out', join(out.path, 'snaps')]);
    expect(r.code, r.stderr).toBe(0);
    noSecret(r);
    const dir = r.stdout.trimEnd().split('\n').pop()!;
    snap = { db, dir };
    return snap;
  }

  it('snapshot: prints a summary and the snapshot directory as the last stdout line; the password is nowhere', async () => {
    const { dir } = await snapshot();
    expect(dir).toMatch(/snaps\/\d{8}T\d{6}Z-[0-9a-f]{6}$/);
    expect(readdirSync(dir).sort()).toEqual(['dump.pgdump', 'manifest.json']);
    const manifest = readFileSync(join(dir, 'manifest.json'), 'utf8');
    expect(manifest).not.toContain(SECRET);
    expect(JSON.parse(manifest).source.url).toContain('postgres:***@');
  });

  it('verify: exit 0 at level restore; exit 1 for a truncated archive; exit 2 for a missing directory', async () => {
    const { dir } = await snapshot();
    const ok = await migsafe(['verify', dir]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/✔ verified .*\n {2}verified to level restore: restored into local ephemeral PostgreSQL 15 cluster/);
    const json = await migsafe(['verify', dir, '--level', 'read', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'ok', exitCode: 0, levelReached: 'read' });

    const { execFileSync } = await import('node:child_process');
    const copy = join(out.path, 'damaged');
    execFileSync('cp', ['-a', dir, copy]);
    truncateSync(join(copy, 'dump.pgdump'), Math.floor(statSync(join(copy, 'dump.pgdump')).size / 2));
    const bad = await migsafe(['verify', copy, '--level', 'read']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/✖ DAMAGED .*\n {2}snapshot damaged: dump\.pgdump: size/);

    const missing = await migsafe(['verify', join(out.path, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/no such snapshot directory/);
  });

  it('snapshot of an unreachable database: exit 2, URL masked, no stack', async () => {
    const r = await migsafe(['snapshot', '--db', `postgresql://app:${SECRET}@127.0.0.1:1/app`, '--out', join(out.path, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot connect to postgresql:\/\/app:\*\*\*@127\.0\.0\.1:1\/app: nothing is listening there/);
    noSecret(r);
  });

  it('usage errors exit 2 without a stack', async () => {
    const r = await migsafe(['snapshot', '--out', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--db <url> is required/);
    const r2 = await migsafe(['rollback', '--db', 'postgresql://x@localhost/db', '--to', 'a1', '--snapshot-dir', 'x']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/pass --alembic-config <alembic.ini> or --downgrade-cmd/);
    expect(hasStack(r.stderr + r2.stderr)).toBe(false);
  });

  it('restore: refuses without a TTY and without --yes; with --yes restores and keeps the old database', async () => {
    const { db, dir } = await snapshot();
    await db.query('DELETE FROM t WHERE id > 100');
    const refused = await migsafe(['restore', dir, '--db', urlWithPassword(db)]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Data written since \S+ will be lost\./);
    expect(refused.stderr).toMatch(/refusing to restore without confirmation: no terminal to ask on; pass --yes/);
    expect(await count(db.target, 'SELECT count(*) AS n FROM t')).toBe(100);
    const r = await migsafe(['restore', dir, '--db', urlWithPassword(db), '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✔ restored .*fingerprint equals the snapshot; the replaced database is kept as cli_\d+_\d+_migsafe_failed_\d+/);
    noSecret(r);
    expect(await count(db.target, 'SELECT count(*) AS n FROM t')).toBe(500);
  });

  it('check: exit 0 on a healthy database; exit 1 for an invalid index; --against classifies the diff', async () => {
    const db = await pgc.newDb('chk');
    await db.query(`CREATE TABLE t (id serial PRIMARY KEY, v text); INSERT INTO t (v) SELECT 'v' || (g % 10) FROM generate_series(1, 100) g;`);
    const ok = await migsafe(['check', '--db', db.url]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const s = await migsafe(['snapshot', '--db', db.url, '--out', join(out.path, 'chk')]);
    const dir = s.stdout.trimEnd().split('\n').pop()!;
    await db.query('UPDATE t SET v = NULL WHERE id <= 10');
    await db.query('CREATE UNIQUE INDEX CONCURRENTLY t_v_uniq ON t (v)').catch(() => {});
    const r = await migsafe(['check', '--db', db.url, '--against', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/INTEGRITY\s+public\.t\.t_v_uniq\s+invalid index/);
    expect(r.stdout).toMatch(/DATA LOSS\s+public\.t\.v\s+10 non-null values lost\s+\[before 100, after 90\]/);
    const json = JSON.parse((await migsafe(['check', '--db', db.url, '--against', dir, '--format', 'json'])).stdout);
    expect(json.exitCode).toBe(1);
  });

  it.skipIf(!HAVE_ALEMBIC)('rollback: a lossy Alembic downgrade → exit 1, DATA LOSS with before/after, the exact restore command; JSON too', async () => {
    const db = await pgc.newDb('clirb');
    const ini = await alembicProject('shop', db, 'c3');
    const r = await migsafe(['rollback', '--db', urlWithPassword(db), '--to', 'b2', '--snapshot-dir', join(out.path, 'rb'), '--alembic-config', ini]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    noSecret(r);
    expect(r.stdout).toMatch(/⚠ preflight .*lint: 2 finding.*\n.*✔ snapshot .*\n.*✔ verify .*verified to level restore.*\n.*✔ downgrade .*\n.*✖ post-checks/);
    expect(r.stdout).toMatch(/DATA LOSS\s+public\.users\.name\s+200 non-null values lost \(every value is now NULL\)\s+\[before 200, after 0\]/);
    expect(r.stdout).toMatch(/Rollback FAILED \(exit 1\)/);
    const restoreLine = r.stdout.split('\n').find((l) => l.trim().startsWith('migsafe restore'))!.trim();
    expect(restoreLine).toMatch(/--db 'postgresql:\/\/postgres@:\d+\/clirb_\d+_\d+\?host=[^']+' --yes$/);
    // the printed command works as printed
    const restored = await migsafe(restoreLine.replace(/^migsafe /, '').match(/'[^']*'|\S+/g)!.map((a) => a.replace(/^'|'$/g, '')));
    expect(restored.code, restored.stderr).toBe(0);
    expect(await count(db.target, 'SELECT count(name) AS n FROM users')).toBe(200);

    const db2 = await pgc.newDb('clirbj');
    const ini2 = await alembicProject('shop', db2, 'c3');
    const j = await migsafe(['rollback', '--db', db2.url, '--to', 'b2', '--snapshot-dir', join(out.path, 'rb'), '--alembic-config', ini2, '--format', 'json', '--dry-run']);
    expect(j.code).toBe(0);
    const report = JSON.parse(j.stdout);
    expect(report).toMatchObject({ command: 'rollback', outcome: 'passed', dryRun: true, verificationLevel: 'restore' });
    expect(report.steps.map((s: any) => [s.step, s.status])).toEqual([['preflight', 'warn'], ['snapshot', 'ok'], ['verify', 'ok'], ['downgrade', 'skipped'], ['post-checks', 'skipped']]);
    expect(JSON.parse(readFileSync(report.reportFile, 'utf8')).outcome).toBe('passed');
  });
});
