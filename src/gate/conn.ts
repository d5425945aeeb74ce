/**
 * Connection targets: a libpq-style URL → parts, the masked form we print, the environment we
 * hand to child tools (the password travels only there, never in argv) and a `pg` client config.
 */
import type { ClientConfig } from 'pg';
import { GateError, UsageError } from '../errors.js';

export interface ConnTarget {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  /** Other URL parameters (sslmode, application_name, connect_timeout, …). */
  params: Record<string, string>;
}

/** URL parameters that map to libpq environment variables for child tools. */
const PARAM_ENV: Record<string, string> = {
  sslmode: 'PGSSLMODE',
  sslrootcert: 'PGSSLROOTCERT',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  application_name: 'PGAPPNAME',
  connect_timeout: 'PGCONNECT_TIMEOUT',
  options: 'PGOPTIONS',
  target_session_attrs: 'PGTARGETSESSIONATTRS',
};

/** Parse `postgresql://user:pass@host:port/db?host=/socket/dir&sslmode=…` (libpq's URI form; the host may be empty). */
export function parseDbUrl(url: string): ConnTarget {
  const m = /^postgres(?:ql)?:\/\/(?:([^@/?#]*)@)?([^/?#]*)(?:\/([^?#]*))?(?:\?([^#]*))?$/i.exec(url);
  if (!m) throw new UsageError(`--db must be a postgresql:// URL (got ${maskUrl(url)})`);
  const dec = (s: string | undefined) => {
    try {
      return s === undefined ? '' : decodeURIComponent(s);
    } catch {
      throw new UsageError(`--db has a bad percent-encoding: ${maskUrl(url)}`);
    }
  };
  const [, userinfo, hostspec = '', path, query] = m;
  if (hostspec.includes(',')) throw new UsageError(`--db with several hosts is not supported: ${maskUrl(url)}`);
  const hp = /^(?:\[([^\]]*)\]|([^:]*))(?::(\d*))?$/.exec(hostspec);
  if (!hp) throw new UsageError(`--db has an invalid host: ${maskUrl(url)}`);
  const colon = userinfo === undefined ? -1 : userinfo.indexOf(':');
  const u = {
    username: userinfo === undefined ? '' : colon >= 0 ? userinfo.slice(0, colon) : userinfo,
    password: colon >= 0 ? userinfo!.slice(colon + 1) : '',
    hostname: hp[1] ?? hp[2] ?? '',
    port: hp[3] ?? '',
    pathname: path ?? '',
    searchParams: new URLSearchParams(query ?? ''),
  };
  const params: Record<string, string> = {};
  for (const [k, v] of u.searchParams) params[k] = v;
  let host = dec(u.hostname);
  if (params.host) {
    host = params.host;
    delete params.host;
  }
  let port = u.port ? Number(u.port) : 5432;
  if (params.port) {
    port = Number(params.port);
    delete params.port;
  }
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError(`--db has an invalid port: ${maskUrl(url)}`);
  let user = dec(u.username);
  if (params.user) {
    user = params.user;
    delete params.user;
  }
  let password = u.password ? dec(u.password) : undefined;
  if (params.password) {
    password = params.password;
    delete params.password;
  }
  let database = dec(u.pathname);
  if (params.dbname) {
    database = params.dbname;
    delete params.dbname;
  }
  if (!user) user = process.env.PGUSER || 'postgres';
  if (!host) host = process.env.PGHOST || 'localhost';
  if (!database) database = user;
  return { host, port, user, password, database, params };
}

/** The URL with its password replaced by ***, safe to print. Works on unparsable input too. */
export function maskUrl(url: string): string {
  let s = url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/?#]*:)([^@/?#]*)@/i, (_m, pre: string) => `${pre}***@`);
  s = s.replace(/([?&]password=)[^&#]*/gi, '$1***');
  return s;
}

/** postgresql:// URL for a target with the given user-info part; sockets go in ?host=. */
function buildUrl(t: ConnTarget, database: string, auth: string, unescapeSlashes: boolean): string {
  const q = new URLSearchParams(t.params);
  let hostPart: string;
  if (t.host.startsWith('/')) {
    q.set('host', t.host);
    hostPart = `:${t.port}`;
  } else hostPart = `${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}`;
  const qs = unescapeSlashes ? q.toString().replace(/%2F/gi, '/') : q.toString();
  return `postgresql://${auth}@${hostPart}/${encodeURIComponent(database)}${qs ? `?${qs}` : ''}`;
}

/** Canonical URL for a target, password masked (for reports and commands we print). */
export function displayUrl(t: ConnTarget, database = t.database): string {
  return buildUrl(t, database, encodeURIComponent(t.user) + (t.password ? ':***' : ''), true);
}

/** Full URL including the password: for child environments only (never argv, never output). */
export function secretUrl(t: ConnTarget, database = t.database): string {
  return buildUrl(t, database, encodeURIComponent(t.user) + (t.password ? `:${encodeURIComponent(t.password)}` : ''), false);
}

/** libpq environment for pg_dump / pg_restore / psql / alembic: connection without argv. */
export function libpqEnv(t: ConnTarget, database = t.database): Record<string, string> {
  const env: Record<string, string> = {
    PGHOST: t.host,
    PGPORT: String(t.port),
    PGUSER: t.user,
    PGDATABASE: database,
  };
  if (t.password !== undefined) env.PGPASSWORD = t.password;
  for (const [k, v] of Object.entries(t.params)) {
    const name = PARAM_ENV[k];
    if (name) env[name] = v;
  }
  return env;
}

/**
 * Environment variables a child must not inherit, so nothing overrides the target we chose.
 * PGPASSWORD and PGPASSFILE stay unless the URL carries a password: they are how a password is
 * supplied without putting it in the URL.
 */
export const LIBPQ_OVERRIDES = ['PGSERVICE', 'PGSERVICEFILE', 'PGHOSTADDR', 'PGSSLMODE', 'PGOPTIONS', 'PGDATABASE', 'PGHOST', 'PGPORT', 'PGUSER', 'PGAPPNAME', 'PGTARGETSESSIONATTRS'];

/** A child environment: the parent's, minus libpq overrides, plus the target. */
export function childEnv(t: ConnTarget | null, database?: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (t) {
    for (const k of LIBPQ_OVERRIDES) delete env[k];
    if (t.password !== undefined) delete env.PGPASSFILE;
    Object.assign(env, libpqEnv(t, database));
  }
  Object.assign(env, extra);
  return env;
}

export function pgClientConfig(t: ConnTarget, database = t.database): ClientConfig {
  const cfg: ClientConfig = {
    host: t.host,
    port: t.port,
    user: t.user,
    password: t.password,
    database,
    application_name: 'migsafe',
    connectionTimeoutMillis: t.params.connect_timeout ? Number(t.params.connect_timeout) * 1000 : 10_000,
  };
  const mode = t.params.sslmode;
  if (mode && !t.host.startsWith('/') && mode !== 'disable' && mode !== 'allow' && mode !== 'prefer') {
    cfg.ssl = mode === 'verify-full' || mode === 'verify-ca' ? { rejectUnauthorized: true } : { rejectUnauthorized: false };
  }
  return cfg;
}

/** Turn a connection failure into a GateError that names the target (masked) and the cause. */
export function connectError(t: ConnTarget, e: unknown, database = t.database): GateError {
  const err = e as { code?: string; message?: string };
  const where = displayUrl(t, database);
  let why = err?.message ?? String(e);
  if (err?.code === 'ECONNREFUSED' || err?.code === 'ENOENT') why = `nothing is listening there (${err.code})`;
  if (t.password) why = why.split(t.password).join('***');
  return new GateError(`cannot connect to ${where}: ${why}`);
}
