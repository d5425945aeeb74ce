/**
 * An ephemeral local PostgreSQL cluster from the system binaries: initdb into a temp dir, a
 * server on a Unix socket in that dir (no TCP), stop and delete. Used by the local sandbox, the
 * tests, the benchmark and the demo. As root, the server runs as the `postgres` OS user.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, chmodSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ConnTarget } from './conn.js';
import { binPath } from './adapters/pgtools.js';

export interface ClusterOptions {
  bindir: string | null;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
  /** Parent of the temp dir (default os.tmpdir()). */
  tmpRoot?: string;
  /** Durability off (fsync, full_page_writes, synchronous_commit) and immediate shutdown: right for throwaway clusters. */
  fast?: boolean;
  /**
   * Copy a cached, freshly initdb'd data directory instead of running initdb (about 0.1 s instead
   * of 1.5 s). The cache is created on first use; MIGSAFE_NO_INITDB_CACHE=1 turns it off.
   */
  cache?: boolean;
}

export interface EphemeralCluster {
  readonly dir: string;
  readonly socketDir: string;
  readonly port: number;
  readonly user: string;
  readonly major: number;
  target(database?: string): ConnTarget;
  url(database?: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** As root, PostgreSQL refuses to run: use the `postgres` OS user. */
export function serverUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root, but there is no `postgres` OS user to run the PostgreSQL server as');
  const f = line.split(':');
  return { uid: Number(f[2]), gid: Number(f[3]) };
}

const live = new Set<{ child: ChildProcess; dir: string }>();
let exitHook = false;
function installExitHook() {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const c of live) {
      try {
        c.child.kill('SIGKILL');
      } catch {}
      try {
        rmSync(c.dir, { recursive: true, force: true });
      } catch {}
    }
  });
}

export async function startCluster(opts: ClusterOptions): Promise<EphemeralCluster> {
  const as = serverUser();
  const dir = mkdtempSync(join(opts.tmpRoot ?? tmpdir(), 'migsafe-pg-'));
  try {
    chmodSync(dir, 0o700);
    if (as.uid !== undefined) chownSync(dir, as.uid, as.gid!);
    const data = join(dir, 'data');
    const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: "C", LANG: "C" };
    for (const k of Object.keys(env)) if (k.startsWith('PG')) delete env[k];
    const useCache = opts.cache !== false && !process.env.MIGSAFE_NO_INITDB_CACHE;
    const template = useCache ? cachedTemplate(opts.bindir) : null;
    if (!template || !copyTree(template, data)) {
      rmSync(data, { recursive: true, force: true });
      const init = spawnSync(binPath(opts.bindir, 'initdb'), ['-D', data, ...INITDB_ARGS], { ...as, env, encoding: 'utf8' });
      if (init.error || init.status !== 0) throw new Error(`initdb failed: ${init.error?.message ?? init.stderr.trim().split('\n').slice(-3).join(' ')}`);
      if (useCache) saveTemplate(opts.bindir, data);
    }
    const port = 20000 + Math.floor(Math.random() * 40000);
    const settings: Record<string, string> = {
      listen_addresses: '',
      unix_socket_directories: dir,
      port: String(port),
      max_connections: '40',
      shared_buffers: '64MB',
      ...(opts.fast !== false ? { fsync: 'off', full_page_writes: 'off', synchronous_commit: 'off' } : {}),
      ...opts.settings,
    };
    const args = ['-D', data];
    for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`);
    const child = spawn(binPath(opts.bindir, 'postgres'), args, { ...as, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const entry = { child, dir };
    live.add(entry);
    installExitHook();
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => fail(new Error(`PostgreSQL did not start within 30 s:\n${log.slice(-800)}`)), 30_000);
      const fail = (e: Error) => {
        clearTimeout(timer);
        live.delete(entry);
        child.kill('SIGKILL');
        reject(e);
      };
      child.stderr!.on('data', (c: Buffer) => {
        log += c.toString();
        if (log.includes('ready to accept connections')) {
          clearTimeout(timer);
          child.stderr!.removeAllListeners('data');
          child.stderr!.resume();
          resolve();
        }
      });
      child.once('error', (e) => fail(e));
      child.once('exit', (code) => fail(new Error(`PostgreSQL exited during start (code ${code}):\n${log.slice(-800)}`)));
    });
    child.removeAllListeners('exit');
    const major = localServerMajor(opts.bindir) ?? 0;
    const target = (database = 'postgres'): ConnTarget => ({ host: dir, port, user: 'postgres', database, params: {} });
    let stopped = false;
    return {
      dir,
      socketDir: dir,
      port,
      user: 'postgres',
      major,
      target,
      url: (database = 'postgres') => `postgresql://postgres@:${port}/${database}?host=${dir}`,
      async createDatabase(name: string) {
        const c = new Client({ host: dir, port, user: 'postgres', database: 'postgres' });
        await c.connect();
        try {
          await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
        } finally {
          await c.end();
        }
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        if (child.exitCode === null && child.signalCode === null) {
          await new Promise<void>((resolve) => {
            const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(t);
              resolve();
            });
            child.kill(opts.fast !== false ? 'SIGQUIT' : 'SIGINT'); // immediate (throwaway) or fast shutdown
          });
        }
        live.delete(entry);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Major version of the local server binaries (postgres --version), or null when missing. */
export function localServerMajor(bindir: string | null): number | null {
  const r = spawnSync(binPath(bindir, 'postgres'), ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(r.stdout);
  return m ? Number(m[1]) : null;
}

/** Who runs the server (for messages). */
export const serverUserName = () => (process.getuid?.() === 0 ? 'postgres' : userInfo().username);

const INITDB_ARGS = ['--no-sync', '-A', 'trust', '-E', 'UTF8', '--locale=C', '-U', 'postgres', '--no-instructions'];

/** cp -a keeps the owner (the postgres user) and modes; false when it fails. */
function copyTree(from: string, to: string): boolean {
  const r = spawnSync('cp', ['-a', from, to], { stdio: 'ignore' });
  return r.status === 0;
}

function cacheKey(bindir: string | null): string | null {
  const v = spawnSync(binPath(bindir, 'postgres'), ['--version'], { encoding: 'utf8' });
  if (v.status !== 0) return null;
  return createHash('sha256')
    .update(`${v.stdout}|${bindir}|${INITDB_ARGS.join(' ')}|${process.getuid?.() ?? ''}`)
    .digest('hex')
    .slice(0, 16);
}

function cacheRoot(): string {
  return process.env.MIGSAFE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'migsafe');
}

/** The cached template's data dir, when it exists and is ours (owner and private mode checked). */
function cachedTemplate(bindir: string | null): string | null {
  try {
    const key = cacheKey(bindir);
    if (!key) return null;
    const dir = join(cacheRoot(), `pg-template-${key}`);
    if (!existsSync(join(dir, 'complete')) || !existsSync(join(dir, 'data', 'PG_VERSION'))) return null;
    const st = statSync(dir);
    if (st.uid !== process.getuid?.() || (st.mode & 0o077) !== 0) return null;
    return join(dir, 'data');
  } catch {
    return null;
  }
}

/** Best effort: copy a fresh data dir (never started) into the cache, atomically by rename. */
function saveTemplate(bindir: string | null, data: string): void {
  try {
    const key = cacheKey(bindir);
    if (!key) return;
    const root = cacheRoot();
    mkdirSync(root, { recursive: true, mode: 0o700 });
    const dir = join(root, `pg-template-${key}`);
    if (existsSync(dir)) return;
    const tmp = mkdtempSync(join(root, 'pg-template-tmp-'));
    chmodSync(tmp, 0o700);
    if (!copyTree(data, join(tmp, 'data'))) {
      rmSync(tmp, { recursive: true, force: true });
      return;
    }
    writeFileSync(join(tmp, 'complete'), new Date().toISOString() + '\n', { mode: 0o600 });
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another process won the race
    }
  } catch {
    /* no cache: initdb next time */
  }
}
