/** Pure parts of the gate: URL parsing and masking, child environments, the manifest seal. */
import { describe, expect, it } from 'vitest';
import { childEnv, displayUrl, maskUrl, parseDbUrl } from '../../src/gate/conn.js';
import { canonicalJson, seal } from '../../src/gate/manifest.js';
import { restoreCommandFor } from '../../src/gate/run-gate.js';

describe('database URLs', () => {
  it('parses libpq URIs: socket host in the query, empty host, percent-encoding, parameters', () => {
    expect(parseDbUrl('postgresql://app:p%40ss@db.example.com:6543/shop?sslmode=require')).toEqual({
      host: 'db.example.com',
      port: 6543,
      user: 'app',
      password: 'p@ss',
      database: 'shop',
      params: { sslmode: 'require' },
    });
    expect(parseDbUrl('postgres://postgres@:5433/x?host=/tmp/sock')).toMatchObject({ host: '/tmp/sock', port: 5433, database: 'x', password: undefined });
    expect(parseDbUrl('postgresql://u@%2Fvar%2Frun%2Fpostgresql/db')).toMatchObject({ host: '/var/run/postgresql', port: 5432 });
    expect(parseDbUrl('postgresql://u@[::1]:5440/db')).toMatchObject({ host: '::1', port: 5440 });
    expect(() => parseDbUrl('mysql://x@y/z')).toThrow(/--db must be a postgresql:\/\/ URL/);
    expect(() => parseDbUrl('postgresql://u:secret@h:99999/db')).toThrow(/invalid port: postgresql:\/\/u:\*\*\*@h:99999\/db/);
  });

  it('masks passwords in URLs, in the userinfo and in a password= parameter', () => {
    expect(maskUrl('postgresql://app:hunter2@h/db')).toBe('postgresql://app:***@h/db');
    expect(maskUrl('postgresql://app@h/db?password=hunter2&sslmode=require')).toBe('postgresql://app@h/db?password=***&sslmode=require');
    expect(displayUrl(parseDbUrl('postgresql://app:hunter2@h:5432/db'))).toBe('postgresql://app:***@h:5432/db');
  });

  it('children get the password through PGPASSWORD, never argv; inherited libpq overrides are removed', () => {
    const saved = process.env.PGSERVICE;
    process.env.PGSERVICE = 'other';
    try {
      const env = childEnv(parseDbUrl('postgresql://app:hunter2@h:5432/db?sslmode=verify-full'));
      expect(env).toMatchObject({ PGHOST: 'h', PGPORT: '5432', PGUSER: 'app', PGPASSWORD: 'hunter2', PGDATABASE: 'db', PGSSLMODE: 'verify-full' });
      expect(env.PGSERVICE).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.PGSERVICE;
      else process.env.PGSERVICE = saved;
    }
  });

  it('the printed restore command carries no password and is shell-quoted', () => {
    const cmd = restoreCommandFor('/snaps/my dir', parseDbUrl('postgresql://app:hunter2@h:5432/db'));
    expect(cmd).toBe(`migsafe restore '/snaps/my dir' --db postgresql://app@h:5432/db --yes`);
  });
});

describe('manifest seal', () => {
  it('canonical JSON sorts keys, so the checksum does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    const a = seal({ x: 1, y: 'z' } as any);
    const b = seal({ y: 'z', x: 1 } as any);
    expect(a.checksum).toBe(b.checksum);
    expect(seal({ ...a, x: 2 } as any).checksum).not.toBe(a.checksum);
  });
});
