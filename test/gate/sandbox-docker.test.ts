/** The docker (testcontainers) sandbox: runs only where a Docker engine answers its ping. */
import { describe, expect, it } from 'vitest';
import { dockerPing, openSandbox } from '../../src/gate/sandbox.js';
import { pgDb } from '../../src/gate/adapters/db.js';

const t0 = performance.now();
const ping = await dockerPing();
const pingMs = performance.now() - t0;

describe('docker sandbox detection', () => {
  it('the Docker ping answers quickly either way', () => {
    expect(pingMs).toBeLessThan(2000);
    expect(ping.reason).toBeTruthy();
  });

  it.skipIf(ping.ok)('with no Docker engine, --sandbox docker reports why instead of trying testcontainers', async () => {
    const r = await openSandbox({ mode: 'docker', sourceMajor: 15, db: pgDb });
    expect(r.ok).toBe(false);
    expect(r.tried.join('\n')).toMatch(/^docker: (no Docker engine at|no answer from|DOCKER_HOST)/);
  });
});

describe.skipIf(!ping.ok)(`testcontainers sandbox${ping.ok ? '' : ` — skipped: ${ping.reason} (the docker sandbox needs a Docker engine)`}`, () => {
  it('starts postgres in a container, connects, and tears it down', async () => {
    const r = await openSandbox({ mode: 'docker', sourceMajor: 15, db: pgDb });
    expect(r.ok, r.tried.join('; ')).toBe(true);
    if (!r.ok) return;
    try {
      const c = await pgDb.connect(r.sandbox.target);
      expect((await c.query('SHOW server_version_num')).rows[0].server_version_num).toMatch(/^15/);
      await c.end();
    } finally {
      await r.sandbox.close();
    }
  }, 180_000);
});
