/** Every finding's message and help has its {placeholders} filled, on every rule case file. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { lint } from '../src/lint.js';
import { ready, testConfig } from './helpers.js';
import { ROOT } from './cli-helpers.js';

const UNFILLED = /\{[A-Za-z][A-Za-z0-9]*\}/;

describe('finding text', () => {
  it('leaves no {placeholder} unfilled in any message or help, on every case of every rule', async () => {
    await ready;
    const r = await lint({ paths: [join(ROOT, 'rules')], cwd: ROOT, config: testConfig({ root: ROOT }), threads: 1 });
    expect(r.findings.length).toBeGreaterThan(300);
    const bad = r.findings.filter((f) => UNFILLED.test(f.message) || UNFILLED.test(f.help)).map((f) => `${f.file} ${f.rule}: ${f.message} | ${f.help}`);
    expect(bad).toEqual([]);
  });
});
