import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migsafe, tmp } from './cli-helpers.js';
import { makeRepo } from './git-helpers.js';
import { HOOK_MARKER } from '../src/git/hook.js';

describe('migsafe install-hook', () => {
  it('writes an executable pre-commit hook, idempotently', async () => {
    const repo = await makeRepo();
    const a = migsafe(['install-hook'], { cwd: repo.dir });
    expect(a.code).toBe(0);
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    expect(a.stdout).toContain(`installed pre-commit hook at ${hook}`);
    expect(readFileSync(hook, 'utf8')).toContain('migsafe lint --staged');
    expect(statSync(hook).mode & 0o111).toBeTruthy();
    const b = migsafe(['install-hook'], { cwd: repo.dir });
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('already installed (unchanged)');
  });

  it('refuses to overwrite a foreign hook without --force', async () => {
    const repo = await makeRepo();
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\nrun-my-linter\n', { mode: 0o755 });
    const r = migsafe(['install-hook'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/pre-commit already exists and was not written by migsafe; .* --force/);
    expect(readFileSync(hook, 'utf8')).toContain('run-my-linter');
    const f = migsafe(['install-hook', '--force'], { cwd: repo.dir });
    expect(f.code).toBe(0);
    expect(readFileSync(hook, 'utf8')).toContain(HOOK_MARKER);
  });

  it('outside a repository: one-line error, exit 2', () => {
    const d = tmp();
    const r = migsafe(['install-hook'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/is not inside a git repository/);
    expect(existsSync(join(d, '.git'))).toBe(false);
  });

  it('the pre-commit framework manifest runs the staged lint', () => {
    const y = readFileSync(join(import.meta.dirname, '..', '.pre-commit-hooks.yaml'), 'utf8');
    expect(y).toMatch(/- id: migsafe/);
    expect(y).toMatch(/entry: migsafe lint --staged/);
    expect(y).toMatch(/pass_filenames: false/);
  });
});
