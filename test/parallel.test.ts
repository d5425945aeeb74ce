/**
 * lint() on several threads gives exactly the result of one thread: same findings in the same
 * order, same file problems and notes, same operations. Uses every rule case (SQL and Alembic)
 * plus unreadable, empty and broken files, so each outcome kind crosses the worker boundary.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import { MIN_PARALLEL_FILES, threadCount, workerScript } from '../src/parallel/lint-files.js';
import { ready, testConfig } from './helpers.js';
import { ROOT, migsafe, tmp } from './cli-helpers.js';

let dir = '';

beforeAll(async () => {
  await ready;
  dir = tmp('migsafe-parallel-');
  const sql = join(dir, 'sql');
  const versions = join(dir, 'alembic', 'versions');
  mkdirSync(sql);
  mkdirSync(versions, { recursive: true });
  for (const rule of readdirSync(join(ROOT, 'rules'), { withFileTypes: true })) {
    if (!rule.isDirectory()) continue;
    const cases = join(ROOT, 'rules', rule.name, 'cases');
    let names: string[] = [];
    try {
      names = readdirSync(cases);
    } catch {
      continue;
    }
    for (const n of names) {
      if (n.endsWith('.sql')) cpSync(join(cases, n), join(sql, `${rule.name}--${n}`));
      if (n.endsWith('.py')) cpSync(join(cases, n), join(versions, `${rule.name}--${n}`));
    }
  }
  writeFileSync(join(sql, 'zz-empty.sql'), '');
  writeFileSync(join(sql, 'zz-latin1.sql'), Buffer.from([0x41, 0x4c, 0x54, 0x45, 0x52, 0x20, 0xe9, 0x3b]));
  writeFileSync(join(sql, 'zz-broken.sql'), 'ALTER TABLE t ADD COLUMN;\nALTER TABLE t DROP COLUMN c;\n');
  writeFileSync(join(versions, 'zz-not-a-revision.py'), 'x = 1\n');
});

const shape = (r: Awaited<ReturnType<typeof lint>>) => ({
  findings: r.findings,
  fileProblems: r.fileProblems,
  notes: r.notes,
  migrations: r.migrations.map((m) => ({ file: m.file, direction: m.direction, ops: m.operations, directives: m.directives, problems: m.problems, text: m.source.text })),
});

describe('parallel lint', () => {
  it('has enough files to go parallel by default', () => {
    const files = readdirSync(join(dir, 'sql')).length + readdirSync(join(dir, 'alembic', 'versions')).length;
    expect(files).toBeGreaterThan(MIN_PARALLEL_FILES);
    expect(threadCount(files, 3)).toBe(3);
    expect(threadCount(MIN_PARALLEL_FILES - 1)).toBe(1);
    // The worker entries exist (else lint() silently stays on one thread and this file tests nothing).
    expect(workerScript()).toMatch(/dist\/src\/parallel\/lint-worker\.js$/);
    expect(existsSync(join(ROOT, 'dist', 'lint-worker.cjs'))).toBe(true);
  });

  it('1, 2 and 3 threads give identical results', async () => {
    const config = testConfig({ root: dir });
    const one = shape(await lint({ paths: [dir], cwd: dir, config, threads: 1 }));
    expect(one.findings.length).toBeGreaterThan(300);
    expect(one.fileProblems.map((p) => p.file)).toEqual(['sql/zz-latin1.sql']);
    expect(one.notes.some((n) => n.includes('zz-empty.sql'))).toBe(true);
    expect(one.findings.some((f) => f.rule === 'syntax-error' && f.file === 'sql/zz-broken.sql')).toBe(true);
    expect(one.findings.some((f) => f.language === 'python')).toBe(true);
    for (const threads of [2, 3]) expect(shape(await lint({ paths: [dir], cwd: dir, config, threads }))).toEqual(one);
  }, 60_000);

  it('the CLI (bundled worker) agrees with a single thread', () => {
    const a = migsafe(['lint', dir, '--format', 'json'], { cwd: dir, env: { MIGSAFE_THREADS: '1' } });
    const b = migsafe(['lint', dir, '--format', 'json'], { cwd: dir, env: { MIGSAFE_THREADS: '2' } });
    expect(a.code).toBe(2); // the Latin-1 file is a file problem
    expect(b.code).toBe(a.code);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toBe(a.stderr);
    expect(JSON.parse(a.stdout).findings.length).toBeGreaterThan(300);
  }, 60_000);
});
