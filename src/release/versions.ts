/** Version prefixes of SQL migration file names, compared as numbers (2_x sorts before 10_x). */
import { basename, dirname } from 'node:path';

const VERSION = /^(?:V|v)?(\d+(?:[._]\d+)*)(?=[_\-.]|$)/;

/**
 * The version prefix of a SQL migration: 20240101120000_x.sql → "20240101120000", V3__x.sql → "3".
 * A migration that is a folder (Prisma's 20240101120000_x/migration.sql, up.sql in
 * golang-migrate or diesel folders) takes the folder's version.
 */
export function versionOf(file: string): string | null {
  return VERSION.exec(basename(file))?.[1] ?? VERSION.exec(basename(dirname(file)))?.[1] ?? null;
}

/** The directory holding a migration history: the file's own, or the parent of a migration folder. */
export function historyDirOf(file: string): string {
  const dir = dirname(file);
  return !VERSION.test(basename(file)) && VERSION.test(basename(dir)) ? dirname(dir) : dir;
}

export const compareVersions = (a: string, b: string) => {
  const pa = a.split(/[._]/).map(BigInt);
  const pb = b.split(/[._]/).map(BigInt);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1n;
    const y = pb[i] ?? -1n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};
