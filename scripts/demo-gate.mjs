#!/usr/bin/env node
// npm run demo:gate — the rollback gate, end to end, against a throwaway PostgreSQL cluster:
// apply a small Alembic project with seed data, roll back with a downgrade that loses a column's
// data, watch the gate catch it, restore, and see the data come back. Everything is printed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCluster } from '../dist/src/gate/cluster.js';
import { findBindir } from '../dist/src/gate/adapters/pgtools.js';
import { migrationEnv } from '../dist/src/gate/alembic.js';

const ROOT = join(import.meta.dirname, '..');
const PROJECT = join(ROOT, 'fixtures', 'gate', 'shop');
const INI = join(PROJECT, 'alembic.ini');
const ALEMBIC = process.env.MIGSAFE_ALEMBIC ?? '/usr/bin/alembic';
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const say = (s = '') => console.log(s);
const heading = (s) => say(`\n${bold(`── ${s}`)}`);

if (!existsSync(ALEMBIC) || spawnSync('/usr/bin/python3', ['-c', 'import alembic, psycopg2'], { stdio: 'ignore' }).status !== 0) {
  console.error('demo:gate needs real Alembic: apt-get install alembic python3-alembic python3-psycopg2');
  process.exit(2);
}
const bindir = findBindir(15);
if (!bindir) {
  console.error('demo:gate needs the PostgreSQL server binaries (pg_config --bindir)');
  process.exit(2);
}

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      process.stdout.write(c);
    });
    child.stderr.on('data', (c) => process.stdout.write(c));
    child.on('close', (code) => resolve({ code, out }));
  });
}
const migsafe = async (args) => {
  say(`$ migsafe ${args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a}'`)).join(' ')}`);
  const r = await run(process.execPath, [join(ROOT, 'bin', 'migsafe.js'), ...args], { MIGSAFE_PG_BINDIR: bindir });
  say(`(exit ${r.code})`);
  return r;
};

const work = mkdtempSync(join(tmpdir(), 'migsafe-demo-'));
let cluster;
try {
  heading('1. A throwaway PostgreSQL cluster');
  cluster = await startCluster({ bindir });
  await cluster.createDatabase('shop');
  const url = cluster.url('shop');
  const target = cluster.target('shop');
  say(`PostgreSQL ${cluster.major} on ${url}`);
  const q = async (sql) => {
    const c = new pg.Client({ host: target.host, port: target.port, user: target.user, database: 'shop' });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  };

  heading('2. Apply the Alembic project (fixtures/gate/shop) and its seed data');
  say(`$ alembic -c ${INI} upgrade head`);
  const up = spawnSync(ALEMBIC, ['-c', INI, 'upgrade', 'head'], { cwd: PROJECT, env: migrationEnv(target), encoding: 'utf8' });
  process.stdout.write(up.stderr);
  if (up.status !== 0) throw new Error('alembic upgrade failed');
  await q(readFileSync(join(PROJECT, 'seed.sql'), 'utf8'));
  const before = (await q(`SELECT count(*) AS users, count(name) AS named, (SELECT version_num FROM alembic_version) AS rev FROM users`))[0];
  say(`users: ${before.users}, with a name: ${before.named}, revision: ${before.rev}`);
  say(`The downgrade of c3 (fixtures/gate/shop/versions/c3_name_varchar.py) drops users.name and adds it back.`);

  heading('3. Roll back c3 → b2 through the gate');
  const snapshots = join(work, 'snapshots');
  const rb = await migsafe(['rollback', '--db', url, '--to', 'b2', '--snapshot-dir', snapshots, '--alembic-config', INI]);
  const after = (await q(`SELECT count(*) AS users, count(name) AS named, (SELECT version_num FROM alembic_version) AS rev FROM users`))[0];
  say(`\nNow: users: ${after.users} (same count!), with a name: ${after.named}, revision: ${after.rev}`);
  if (rb.code !== 1) throw new Error(`expected the gate to fail with exit 1, got ${rb.code}`);

  heading('4. Restore with the command the gate printed');
  const line = rb.out.split('\n').find((l) => l.trim().startsWith('migsafe restore'));
  if (!line) throw new Error('the gate printed no restore command');
  const args = line.trim().replace(/^migsafe /, '').match(/'[^']*'|\S+/g).map((a) => a.replace(/^'|'$/g, ''));
  const rs = await migsafe(args);
  if (rs.code !== 0) throw new Error('restore failed');
  const restored = (await q(`SELECT count(*) AS users, count(name) AS named, (SELECT version_num FROM alembic_version) AS rev FROM users`))[0];
  say(`\nAfter the restore: users: ${restored.users}, with a name: ${restored.named}, revision: ${restored.rev}`);

  heading('5. Check the restored database against the snapshot');
  const dir = line.trim().match(/^migsafe restore ('[^']*'|\S+)/)[1].replace(/^'|'$/g, '');
  await migsafe(['check', '--db', url, '--against', dir]);
  say(`\n${bold('The gate caught the lost data; the verified snapshot brought it back.')}`);
} catch (e) {
  console.error(`demo failed: ${e.message}`);
  process.exitCode = 1;
} finally {
  await cluster?.stop();
  rmSync(work, { recursive: true, force: true });
}
