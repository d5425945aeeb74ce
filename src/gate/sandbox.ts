/**
 * Where verify-by-restore restores. `auto` tries, in order:
 *   1. local   an ephemeral cluster from PostgreSQL binaries of the source's major version
 *   2. docker  testcontainers (imported dynamically, only after a Docker ping succeeds)
 * `server` (a scratch database on the source server) is used only when asked for explicitly.
 */
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { ConnTarget } from './conn.js';
import { qi } from './fingerprint/collect.js';
import { connect } from './fingerprint/session.js';
import { localServerMajor, startCluster } from './cluster.js';
import { findBindir } from './adapters/pgtools.js';
import type { Db } from './ports.js';

export type SandboxMode = 'auto' | 'local' | 'docker' | 'server';

export interface Sandbox {
  kind: 'local' | 'docker' | 'server';
  description: string;
  target: ConnTarget;
  close(): Promise<void>;
}

export type SandboxOpen = { ok: true; sandbox: Sandbox; tried: string[] } | { ok: false; tried: string[] };

export interface SandboxContext {
  mode: SandboxMode;
  sourceMajor: number;
  /** The source server, for `server` mode. */
  source?: ConnTarget;
  db: Db;
  /** Overrides binary discovery (tests). */
  bindir?: string | null;
}

/** Server settings for a throwaway restore target: no durability, minimal WAL, big maintenance memory. */
export const SANDBOX_SETTINGS: Record<string, string> = {
  wal_level: 'minimal',
  max_wal_senders: '0',
  max_wal_size: '4GB',
  checkpoint_timeout: '30min',
  maintenance_work_mem: '256MB',
  autovacuum: 'off',
};

export async function openSandbox(ctx: SandboxContext): Promise<SandboxOpen> {
  const tried: string[] = [];
  const order: ('local' | 'docker' | 'server')[] = ctx.mode === 'auto' ? ['local', 'docker'] : [ctx.mode];
  for (const kind of order) {
    try {
      const s = kind === 'local' ? await openLocal(ctx, tried) : kind === 'docker' ? await openDocker(ctx, tried) : await openServer(ctx, tried);
      if (s) return { ok: true, sandbox: s, tried };
    } catch (e) {
      tried.push(`${kind}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (ctx.mode === 'auto') tried.push('server: not tried (a scratch database on the source server must be allowed with --sandbox server)');
  return { ok: false, tried };
}

async function openLocal(ctx: SandboxContext, tried: string[]): Promise<Sandbox | null> {
  const bindir = ctx.bindir !== undefined ? ctx.bindir : findBindir(ctx.sourceMajor);
  const major = localServerMajor(bindir);
  if (major === null) {
    tried.push('local: no PostgreSQL server binaries (postgres, initdb) found');
    return null;
  }
  if (major !== ctx.sourceMajor) {
    tried.push(`local: server binaries are PostgreSQL ${major}, the source is ${ctx.sourceMajor}`);
    return null;
  }
  const cluster = await startCluster({ bindir, fast: true, settings: SANDBOX_SETTINGS });
  try {
    await cluster.createDatabase('migsafe_verify');
  } catch (e) {
    await cluster.stop();
    throw e;
  }
  return { kind: 'local', description: `local ephemeral PostgreSQL ${major} cluster (${bindir ?? 'PATH'})`, target: cluster.target('migsafe_verify'), close: () => cluster.stop() };
}

/** GET /_ping on the Docker socket; about 14 ms when there is an engine, instant when there is none. */
export function dockerPing(timeoutMs = 1500): Promise<{ ok: boolean; reason: string }> {
  const host = process.env.DOCKER_HOST;
  if (host && !host.startsWith('unix://')) return Promise.resolve({ ok: false, reason: `DOCKER_HOST=${host} is not a unix socket; only the local socket is probed` });
  const socketPath = host ? host.slice('unix://'.length) : '/var/run/docker.sock';
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 ? { ok: true, reason: 'docker engine answered' } : { ok: false, reason: `docker ping answered ${res.statusCode}` });
    });
    req.on('timeout', () => {
      req.destroy();
      resolve({ ok: false, reason: `no answer from ${socketPath} within ${timeoutMs} ms` });
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, reason: `no Docker engine at ${socketPath} (${e.code ?? e.message})` }));
    req.end();
  });
}

async function openDocker(ctx: SandboxContext, tried: string[]): Promise<Sandbox | null> {
  const ping = await dockerPing();
  if (!ping.ok) {
    tried.push(`docker: ${ping.reason}`);
    return null;
  }
  let mod: any;
  try {
    const name = '@testcontainers/postgresql';
    mod = await import(name);
  } catch (e) {
    tried.push(`docker: @testcontainers/postgresql is not installed or does not load (${(e as Error).message.split('\n')[0]})`);
    return null;
  }
  const password = randomBytes(12).toString('hex');
  const container = await new mod.PostgreSqlContainer(`postgres:${ctx.sourceMajor}`).withDatabase('migsafe_verify').withUsername('postgres').withPassword(password).start();
  return {
    kind: 'docker',
    description: `testcontainers postgres:${ctx.sourceMajor}`,
    target: { host: container.getHost(), port: container.getPort(), user: 'postgres', password, database: 'migsafe_verify', params: {} },
    close: async () => void (await container.stop()),
  };
}

async function openServer(ctx: SandboxContext, tried: string[]): Promise<Sandbox | null> {
  if (!ctx.source) {
    tried.push('server: no source server given');
    return null;
  }
  const name = `migsafe_verify_${randomBytes(4).toString('hex')}`;
  const admin = await connect(ctx.db, ctx.source);
  try {
    await admin.query(`CREATE DATABASE ${qi(name)} TEMPLATE template0`);
  } finally {
    await admin.end().catch(() => {});
  }
  const source = ctx.source;
  return {
    kind: 'server',
    description: `scratch database ${name} on the source server`,
    target: { ...source, database: name },
    close: async () => {
      const c = await connect(ctx.db, source);
      try {
        await c.query(`DROP DATABASE IF EXISTS ${qi(name)} WITH (FORCE)`);
      } finally {
        await c.end().catch(() => {});
      }
    },
  };
}
