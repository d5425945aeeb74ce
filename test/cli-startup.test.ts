/**
 * How the binary starts: the bundled CLI (dist/cli.cjs) with V8's code cache, falling back to the
 * unbundled modules. `npm test` builds both first (npm run build = tsc + scripts/bundle.mjs).
 */
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, migsafe, tmp } from './cli-helpers.js';

const FIXTURE = join(ROOT, 'rules', 'set-not-null', 'cases', 'bad-set-not-null.sql');

describe('start-up', () => {
  it('loads the bundle with an accepted code cache', () => {
    expect(existsSync(join(ROOT, 'dist', 'cli.cjs'))).toBe(true);
    const r = migsafe(['--version'], { env: { MIGSAFE_DEBUG_STARTUP: '1' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/startup: bundle .*cli\.cjs, code cache accepted/);
  });

  it('the bundle lints like the unbundled modules, and prints no warning on stderr', () => {
    const bundled = migsafe(['lint', FIXTURE, '--format', 'json']);
    // A copy of the package without the bundle: bin/ falls back to dist/src.
    const dir = tmp();
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    mkdirSync(join(dir, 'dist'));
    cpSync(join(ROOT, 'dist', 'src'), join(dir, 'dist', 'src'), { recursive: true });
    cpSync(join(ROOT, 'dist', 'rules'), join(dir, 'dist', 'rules'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(ROOT, 'rules'), join(dir, 'rules'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'migsafe.js'), 'lint', FIXTURE, '--format', 'json'], {
      encoding: 'utf8', env: { ...process.env, MIGSAFE_DEBUG_STARTUP: '1' },
    });
    expect(r.stderr).toContain('startup: no bundle, loading dist/src');
    expect(r.status).toBe(bundled.code);
    expect(bundled.code).toBe(1);
    expect(JSON.parse(r.stdout).findings).toEqual(JSON.parse(bundled.stdout).findings);
    expect(bundled.stderr).toBe('');
  });

  it('a stale or foreign code cache is ignored, not fatal', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'dist'));
    cpSync(BIN, join(dir, 'bin', 'migsafe.js'));
    cpSync(join(ROOT, 'dist', 'cli.cjs'), join(dir, 'dist', 'cli.cjs'));
    cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(ROOT, 'rules'), join(dir, 'rules'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    // Garbage where the cache should be.
    cpSync(FIXTURE, join(dir, 'dist', 'cli.cjs.cache'));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'migsafe.js'), 'lint', FIXTURE], { encoding: 'utf8', env: { ...process.env, MIGSAFE_DEBUG_STARTUP: '1' } });
    expect(r.stderr).toContain('code cache rejected');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('set-not-null');
  });
});
