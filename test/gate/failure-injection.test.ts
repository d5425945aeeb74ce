/**
 * Failure injection. Each case must end with a clear error, a consistent state, and nothing that
 * looks valid when it is not (no snapshot directory that `verify` or `restore` would accept).
 */
import { chmodSync, existsSync, openSync, readFileSync, readdirSync, readSync, closeSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { takeSnapshot, type SnapshotPlan } from '../../src/gate/steps/snapshot.js';
import { verifySnapshot } from '../../src/gate/steps/verify.js';
import { restoreSnapshot } from '../../src/gate/steps/restore.js';
import { readManifest, seal, MANIFEST } from '../../src/gate/manifest.js';
import { nodeFs } from '../../src/gate/adapters/fs.js';
import { nodeProc } from '../../src/gate/adapters/proc.js';
import { createDump, binPath } from '../../src/gate/adapters/pgtools.js';
import { startCluster, type EphemeralCluster } from '../../src/gate/cluster.js';
import type { GatePorts } from '../../src/gate/ports.js';
import { BINDIR, HAVE_PG, NO_PG_REASON, count, ports, shopSchema, tempDir, useCluster, type TestDb } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const outDir = () => join(tmp.path, `out-${++n}`);

const plan = (db: TestDb, out: string, extra: Partial<SnapshotPlan> = {}): SnapshotPlan => ({
  target: db.target,
  outDir: out,
  format: 'custom',
  jobs: 1,
  fingerprintConnections: 2,
  lockWaitTimeoutMs: 10_000,
  ...extra,
});

/** Snapshot directories under `out` that a reader would accept (valid, sealed manifest). */
async function accepted(out: string): Promise<string[]> {
  if (!existsSync(out)) return [];
  const ok: string[] = [];
  for (const d of readdirSync(out)) if ((await readManifest(nodeFs, join(out, d))).ok) ok.push(d);
  return ok;
}

/** A pg_dump stand-in: a shell script around the real one. */
function wrapper(name: string, body: string): string {
  const p = join(tmp.path, name);
  writeFileSync(p, `#!/bin/bash\nREAL=${binPath(BINDIR, 'pg_dump')}\nif [ "$1" = --version ]; then exec "$REAL" "$@"; fi\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}
const withPgDump = (pgDump: string): GatePorts => ({ ...ports(), dump: createDump(BINDIR, nodeProc, { pgDump }) });

function flipByte(file: string, at: number) {
  const fd = openSync(file, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, at);
  b[0] = b[0]! ^ 0xff;
  writeSync(fd, b, 0, 1, at);
  closeSync(fd);
}

/** Rewrite the manifest's hashes to match damaged files (as if the damage happened before hashing). */
function resealHashes(dir: string) {
  const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  for (const f of m.files) {
    const buf = readFileSync(join(dir, f.path));
    f.size = buf.length;
    f.sha256 = createHash('sha256').update(buf).digest('hex');
  }
  writeFileSync(join(dir, MANIFEST), JSON.stringify(seal(m), null, 2));
}

describe.skipIf(!HAVE_PG)(`failure injection${HAVE_PG ? '' : ` — skipped: ${NO_PG_REASON}`}`, () => {
  const pgc = useCluster();
  let shared: { db: TestDb; dir: string } | undefined;
  /** One good snapshot to damage in different ways (each test works on a copy). */
  async function goodSnapshot(): Promise<{ db: TestDb; dir: string }> {
    if (!shared) {
      const db = await pgc.newDb('good');
      await shopSchema(db, 2000, 20_000);
      const s = await takeSnapshot(plan(db, join(tmp.path, 'good')), ports());
      if (s.status !== 'ok') throw new Error(s.summary);
      shared = { db, dir: s.data!.dir };
    }
    return shared;
  }
  async function copyOfGood(): Promise<string> {
    const { dir } = await goodSnapshot();
    const to = join(outDir(), 'copy');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkdir', ['-p', join(to, '..')]);
    execFileSync('cp', ['-a', dir, to]);
    return to;
  }

  it('pg_dump missing: exit-2 class error naming the binary; nothing written', async () => {
    const db = await pgc.newDb('nodump');
    const out = outDir();
    const r = await takeSnapshot(plan(db, out), withPgDump('/nonexistent/bin/pg_dump'));
    expect(r.status).toBe('error');
    expect(r.summary).toMatch(/pg_dump not found or not runnable \(\/nonexistent\/bin\/pg_dump\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('pg_dump killed mid-dump: error, the partial directory is removed, nothing accepted', async () => {
    const db = await pgc.newDb('killed');
    await db.query(`CREATE TABLE big AS SELECT g AS id, md5(g::text) AS a, md5((g * 7)::text) AS b FROM generate_series(1, 300000) g`);
    const killer = wrapper(
      'pg_dump_killed',
      `"$REAL" "$@" & p=$!
f=""; for a in "$@"; do case $a in --file=*) f=\${a#--file=};; esac; done
while kill -0 $p 2>/dev/null; do if [ -s "$f" ]; then kill -9 $p; wait $p; exit $?; fi; sleep 0.002; done
echo "pg_dump finished before it could be killed" >&2; exit 99`,
    );
    const out = outDir();
    const r = await takeSnapshot(plan(db, out), withPgDump(killer));
    expect(r.status).toBe('error');
    expect(r.summary).toMatch(/pg_dump failed \(exit code 137\)/);
    expect(readdirSync(out)).toEqual([]);
    expect(await accepted(out)).toEqual([]);
  });

  it('interrupted (Ctrl-C) while pg_dump runs: the child is stopped and the partial snapshot removed', async () => {
    const db = await pgc.newDb('intr');
    const slow = wrapper('pg_dump_slow', 'sleep 5; exec "$REAL" "$@"');
    const out = outDir();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const t0 = Date.now();
    const r = await takeSnapshot(plan(db, out, { signal: ac.signal }), withPgDump(slow));
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(r.status).toBe('error');
    expect(r.summary).toMatch(/interrupted/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a write error while dumping (file size limit → EFBIG): clear error, nothing accepted', async () => {
    const { db } = await goodSnapshot();
    const full = wrapper('pg_dump_full', `trap '' XFSZ; ulimit -f 16; exec "$REAL" "$@"`);
    const out = outDir();
    const r = await takeSnapshot(plan(db, out), withPgDump(full));
    expect(r.status).toBe('error');
    expect(r.summary).toMatch(/pg_dump failed \(exit code 1\): .*could not write to output file: File too large/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a table locked by another session: the lock wait times out with a clear error; nothing accepted', async () => {
    const db = await pgc.newDb('locked');
    await shopSchema(db, 10, 10);
    const { default: pg } = await import('pg');
    const holder = new pg.Client({ host: db.target.host, port: db.target.port, user: 'postgres', database: db.name });
    await holder.connect();
    try {
      await holder.query('BEGIN; LOCK TABLE orders IN ACCESS EXCLUSIVE MODE');
      const out = outDir();
      const r = await takeSnapshot(plan(db, out, { lockWaitTimeoutMs: 300 }), ports());
      expect(r.status).toBe('error');
      expect(r.summary).toMatch(/lock timeout|could not obtain lock/);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      await holder.end();
    }
  });

  it('a write error on the manifest (disk full): nothing accepted, the partial directory removed', async () => {
    const { db } = await goodSnapshot();
    const p = ports();
    const failing: GatePorts = {
      ...p,
      fs: {
        ...p.fs,
        async writeFileAtomic(path, data) {
          if (path.endsWith(MANIFEST)) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          return p.fs.writeFileAtomic(path, data);
        },
      },
    };
    const out = outDir();
    const r = await takeSnapshot(plan(db, out), failing);
    expect(r.status).toBe('error');
    expect(r.summary).toBe('could not write the snapshot: ENOSPC: no space left on device');
    expect(readdirSync(out)).toEqual([]);
  });

  it('archive truncated at 50 %: the sha256 catches it; with the hashes forged, the full read still does', async () => {
    const dir = await copyOfGood();
    const archive = join(dir, 'dump.pgdump');
    truncateSync(archive, Math.floor(statSync(archive).size / 2));
    const v = await verifySnapshot({ dir, level: 'read', sandbox: 'auto' }, ports());
    expect(v.status).toBe('failed');
    expect(v.summary).toMatch(/dump\.pgdump: size \d+ bytes, manifest says \d+ \(truncated\?\)/);
    const m = await readManifest(nodeFs, dir);
    expect(m.ok && m.manifest.verification.level).toBe('none');
    expect(m.ok && m.manifest.verification.notes[0]).toMatch(/^damaged: /);

    resealHashes(dir);
    const v2 = await verifySnapshot({ dir, level: 'read', sandbox: 'auto' }, ports());
    expect(v2.status).toBe('failed');
    expect(v2.summary).toMatch(/full read \(pg_restore -f \/dev\/null\) failed|pg_restore --list/);
  });

  it('a byte flipped in the data: the sha256 catches it; with the hashes forged, the full read or the restore does', async () => {
    const dir = await copyOfGood();
    const archive = join(dir, 'dump.pgdump');
    flipByte(archive, Math.floor(statSync(archive).size * 0.6));
    const v = await verifySnapshot({ dir, level: 'read', sandbox: 'auto' }, ports());
    expect(v.status).toBe('failed');
    expect(v.summary).toMatch(/sha256 .* does not match the manifest/);

    resealHashes(dir);
    const v2 = await verifySnapshot({ dir, level: 'restore', sandbox: 'local', bindir: BINDIR }, ports());
    expect(v2.status).toBe('failed');
    expect(v2.data!.levelReached).toBe('none');
  });

  it('a manifest edited by hand: the checksum catches it; re-sealed, the restore comparison catches the lie', async () => {
    const dir = await copyOfGood();
    const path = join(dir, MANIFEST);
    const m = JSON.parse(readFileSync(path, 'utf8'));
    m.fingerprint.tables.find((t: any) => t.name === 'users').rows = 999_999;
    writeFileSync(path, JSON.stringify(m, null, 2));
    const v = await verifySnapshot({ dir, level: 'read', sandbox: 'auto' }, ports());
    expect(v.status).toBe('failed');
    expect(v.summary).toMatch(/checksum mismatch: the manifest was modified after migsafe wrote it/);

    writeFileSync(path, JSON.stringify(seal(m), null, 2));
    const v2 = await verifySnapshot({ dir, level: 'restore', sandbox: 'local', bindir: BINDIR }, ports());
    expect(v2.status).toBe('failed');
    expect(v2.data!.comparison!.mismatches).toEqual([expect.objectContaining({ subject: 'public.users', before: 999_999, after: 2000 })]);

    writeFileSync(path, '{"format": "migsafe-snapshot", "version": 1}');
    const v3 = await verifySnapshot({ dir, level: 'read', sandbox: 'auto' }, ports());
    expect(v3.status).toBe('failed');
    expect(v3.summary).toMatch(/invalid manifest at id: Required/);
  });

  it('an incomplete snapshot directory (no manifest) is never accepted', async () => {
    const dir = join(outDir(), 'half');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'dump.pgdump'), 'PGDMP partial');
    const v = await verifySnapshot({ dir, level: 'read', sandbox: 'auto' }, ports());
    expect(v.status).toBe('failed');
    expect(v.summary).toMatch(/manifest\.json is missing: the snapshot is incomplete/);
  });

  it('the database unreachable: error with the URL masked, the password never shown, nothing written', async () => {
    const out = outDir();
    const target = { host: pgc.cluster.dir, port: 1, user: 'app', password: 's3cret-Pa55', database: 'nope', params: {} };
    const r = await takeSnapshot({ ...plan({ target } as TestDb, out) }, ports());
    expect(r.status).toBe('error');
    expect(r.summary).toMatch(/^cannot connect to postgresql:\/\/app:\*\*\*@:1\/nope\?host=\/.*: nothing is listening there/);
    expect(JSON.stringify(r)).not.toContain('s3cret-Pa55');
    expect(existsSync(out)).toBe(false);
  });

  describe('restore to the wrong database is refused', () => {
    let other: EphemeralCluster | undefined;
    afterAll(async () => {
      await other?.stop();
    });

    it('a different database on the same server: refused (exit-2 class), untouched; --force overrides', async () => {
      const { dir, db } = await goodSnapshot();
      const victim = await pgc.newDb('victim');
      await victim.query('CREATE TABLE keep (x int); INSERT INTO keep VALUES (1)');
      const r = await restoreSnapshot({ dir, target: victim.target, mode: 'swap', force: false }, ports());
      expect(r.status).toBe('error');
      expect(r.summary).toMatch(new RegExp(`refusing to restore: the target database is "${victim.name}" but the snapshot was taken from "${db.name}"`));
      expect(await count(victim.target, 'SELECT count(*) AS n FROM keep')).toBe(1);

      const forced = await restoreSnapshot({ dir, target: victim.target, mode: 'swap', force: true }, ports());
      expect(forced.status, forced.summary).toBe('ok');
      expect(await count(victim.target, 'SELECT count(*) AS n FROM users')).toBe(2000);
    });

    it('the same database name on another cluster (different system identifier): refused', async () => {
      const { dir, db } = await goodSnapshot();
      other = await startCluster({ bindir: BINDIR, cache: false }); // its own initdb: its own system identifier
      await other.createDatabase(db.name);
      const r = await restoreSnapshot({ dir, target: other.target(db.name), mode: 'swap', force: false }, ports());
      expect(r.status).toBe('error');
      expect(r.summary).toMatch(/system identifier is \d+, the snapshot's source was \d+ \(a different cluster\)/);
    });

    it('a damaged snapshot is never restored', async () => {
      const { db } = await goodSnapshot();
      const dir = await copyOfGood();
      flipByte(join(dir, 'dump.pgdump'), 100);
      const r = await restoreSnapshot({ dir, target: db.target, mode: 'swap', force: false }, ports());
      expect(r.status).toBe('failed');
      expect(r.summary).toMatch(/snapshot damaged, not restoring: dump\.pgdump: sha256/);
    });
  });

  it('restore --clean in place: all or nothing, then leftovers are listed', async () => {
    const db = await pgc.newDb('clean');
    await shopSchema(db, 50, 50);
    const s = await takeSnapshot(plan(db, outDir()), ports());
    await db.query('DELETE FROM orders; CREATE TABLE extra (x int)');
    const r = await restoreSnapshot({ dir: s.data!.dir, target: db.target, mode: 'clean', force: false }, ports());
    expect(r.status, r.summary).toBe('warn');
    expect(r.data!.leftovers).toEqual(['public.extra: table added (0 rows)']);
    expect(await count(db.target, 'SELECT count(*) AS n FROM orders')).toBe(50);
  });
});
