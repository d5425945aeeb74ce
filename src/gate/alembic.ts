/**
 * Real Alembic, driven through its CLI. The database URL reaches env.py only through the
 * environment (MIGSAFE_DATABASE_URL, plus libpq's PG* variables), never through argv.
 * Alembic prints results on stdout and logs ("Running downgrade B -> A") on stderr.
 */
import { dirname, resolve } from 'node:path';
import { childEnv, secretUrl, type ConnTarget } from './conn.js';
import type { Proc, ProcResult } from './ports.js';

export interface AlembicRunner {
  bin: string;
  config: string;
  target: ConnTarget;
  proc: Proc;
}

/** Environment for an Alembic (or --downgrade-cmd) child. env.py reads MIGSAFE_DATABASE_URL. */
export function migrationEnv(target: ConnTarget, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return childEnv(target, target.database, { MIGSAFE_DATABASE_URL: secretUrl(target), PYTHONDONTWRITEBYTECODE: '1', ...extra });
}

export function runAlembic(r: AlembicRunner, args: string[], signal?: AbortSignal): Promise<ProcResult & { args: string[] }> {
  const config = resolve(r.config);
  const full = ['-c', config, ...args];
  return r.proc.run({ cmd: r.bin, args: full, cwd: dirname(config), env: migrationEnv(r.target), signal, maxOutput: 16 << 20 }).then((p) => ({ ...p, args: full }));
}

/** `alembic heads` → revision ids. */
export async function alembicHeads(r: AlembicRunner): Promise<{ ok: true; heads: string[]; result: ProcResult } | { ok: false; result: ProcResult }> {
  const res = await runAlembic(r, ['heads']);
  if (res.code !== 0) return { ok: false, result: res };
  const heads = res.stdout
    .split('\n')
    .map((l) => /^([0-9A-Za-z_]+)\s/.exec(l.trim() + ' ')?.[1])
    .filter((x): x is string => !!x);
  return { ok: true, heads, result: res };
}

/** Offline SQL for the downgrade: `alembic downgrade <from>:<to> --sql`. */
export function alembicDowngradeSql(r: AlembicRunner, from: string, to: string): Promise<ProcResult & { args: string[] }> {
  return runAlembic(r, ['downgrade', `${from}:${to}`, '--sql']);
}

export function alembicDowngrade(r: AlembicRunner, to: string, signal?: AbortSignal): Promise<ProcResult & { args: string[] }> {
  return runAlembic(r, ['downgrade', to], signal);
}

/** A short, useful failure description: Alembic's FAILED line, or the last traceback line. */
export function alembicFailure(res: ProcResult): string {
  const failed = /FAILED: (.+)/.exec(res.stdout + '\n' + res.stderr)?.[1];
  if (failed) return failed.trim();
  const lines = res.stderr.trim().split('\n').filter(Boolean);
  // The exception line of a traceback: "sqlalchemy.exc.DataError: (psycopg2.errors.DivisionByZero) division by zero"
  const exc = lines.filter((l) => /^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b.*/.test(l)).slice(-1)[0];
  return exc ?? lines.slice(-1)[0] ?? res.spawnError ?? `exit code ${res.code}`;
}
