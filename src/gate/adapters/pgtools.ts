/** Finding PostgreSQL's binaries, and the Dump port over pg_dump / pg_restore. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv } from '../conn.js';
import type { Dump, DumpOptions, Proc, RestoreOptions } from '../ports.js';

/**
 * The directory holding pg_dump, pg_restore, initdb and postgres. MIGSAFE_PG_BINDIR wins; then
 * Debian's /usr/lib/postgresql/<major>/bin when a major is wanted; then `pg_config --bindir`.
 */
export function findBindir(major?: number): string | null {
  const env = process.env.MIGSAFE_PG_BINDIR;
  if (env) return env;
  if (major) {
    const deb = `/usr/lib/postgresql/${major}/bin`;
    if (existsSync(join(deb, 'pg_dump'))) return deb;
  }
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  return null;
}

export const binPath = (bindir: string | null, name: string) => (bindir ? join(bindir, name) : name);

/** "pg_dump (PostgreSQL) 15.18 (Debian 15.18-1)" → "15.18" */
export function parseToolVersion(s: string): string | null {
  const m = /\(PostgreSQL\)\s+(\d+(?:\.\d+)?)/.exec(s) ?? /\b(\d+\.\d+)\b/.exec(s);
  return m ? m[1]! : null;
}

export function createDump(bindir: string | null, proc: Proc, paths: { pgDump?: string; pgRestore?: string } = {}): Dump {
  const pgDump = paths.pgDump ?? binPath(bindir, 'pg_dump');
  const pgRestore = paths.pgRestore ?? binPath(bindir, 'pg_restore');
  return {
    pgDump,
    pgRestore,
    async version() {
      const r = await proc.run({ cmd: pgDump, args: ['--version'], env: childEnv(null) });
      return r.code === 0 ? parseToolVersion(r.stdout) : null;
    },
    async dump(o: DumpOptions) {
      const args = [
        `--format=${o.format}`,
        `--file=${o.out}`,
        `--snapshot=${o.snapshot}`,
        `--lock-wait-timeout=${Math.max(1, Math.round(o.lockWaitTimeoutMs))}ms`,
        '--no-password',
      ];
      if (o.format === 'directory' && o.jobs > 1) args.push(`--jobs=${o.jobs}`);
      const r = await proc.run({ cmd: pgDump, args, env: childEnv(o.target), signal: o.signal });
      return { ...r, args };
    },
    list: (archive) => proc.run({ cmd: pgRestore, args: ['--list', archive], env: childEnv(null), maxOutput: 64 << 20 }),
    readAll: (archive) => proc.run({ cmd: pgRestore, args: ['--file=/dev/null', archive], env: childEnv(null) }),
    async restore(o: RestoreOptions) {
      const args = ['--exit-on-error', '--no-password', `--dbname=${o.database}`];
      if (o.noOwner) args.push('--no-owner', '--no-privileges');
      if (o.clean) args.push('--clean', '--if-exists');
      if (o.jobs > 1) args.push(`--jobs=${o.jobs}`);
      else if (o.singleTransaction) args.push('--single-transaction');
      args.push(o.archive);
      const r = await proc.run({ cmd: pgRestore, args, env: childEnv(o.target, o.database), signal: o.signal });
      return { ...r, args };
    },
  };
}
