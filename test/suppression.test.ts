import { beforeAll, describe, expect, it } from 'vitest';
import { parseDirective } from '../src/sources/directives.js';
import { expectClean, expectFindings, lintSql, ready } from './helpers.js';

beforeAll(async () => {
  await ready;
});

const DROP = 'ALTER TABLE users DROP COLUMN flag;';

describe('directive parsing', () => {
  it('parses rules and reason', () => {
    expect(parseDirective(' migsafe-ignore drop-column, rename-column -- unused since v42')).toEqual({
      ok: true, scope: 'next', rules: ['drop-column', 'rename-column'], reason: 'unused since v42',
    });
    expect(parseDirective(' migsafe-ignore-file prefer-text -- legacy schema')).toMatchObject({ ok: true, scope: 'file' });
    expect(parseDirective(' just a comment')).toBeNull();
  });
  it.each([
    [' migsafe-ignore drop-column', /no reason/],
    [' migsafe-ignore drop-column --   ', /no reason/],
    [' migsafe-ignore -- because', /names no rule/],
    [' migsafe-ignore drop_column -- x', /not a rule id/],
    [' migsafe-ignore drop-column rename-column -- x', /not a rule id/],
    [' migsafe-ignore-all -- x', /unknown directive/],
    [' migsafe:ignore drop-column -- x', /unknown directive/],
  ])('rejects %j', (body, problem) => {
    const d = parseDirective(body);
    expect(d && !d.ok && d.problem).toMatch(problem);
  });
});

describe('suppression', () => {
  it('an ignore on the line above covers the next statement only', () => {
    const r = lintSql(`-- migsafe-ignore drop-column -- unused since v42\n${DROP}\nALTER TABLE orders DROP COLUMN note;`);
    const hits = expectFindings(r, 'drop-column', 1);
    expect(hits[0]!.message).toContain('orders');
    expect(r.findings.filter((f) => f.rule === 'drop-column' && f.suppressed)).toHaveLength(1);
    expect(r.findings.find((f) => f.suppressed)!.suppressed!.reason).toBe('unused since v42');
  });

  it('a trailing ignore covers the statement on the same line', () => {
    expectClean(lintSql(`${DROP} -- migsafe-ignore drop-column -- unused since v42`), 'drop-column');
  });

  it('a trailing ignore does not leak to the next statement', () => {
    const r = lintSql(`SELECT 1; -- migsafe-ignore drop-column -- wrong place\n${DROP}`);
    expectFindings(r, 'drop-column', 1);
    expectFindings(r, 'unused-ignore', 1);
  });

  it('file-wide ignores cover the whole file', () => {
    expectClean(lintSql(`-- migsafe-ignore-file drop-column -- table being retired\n${DROP}\nSELECT 1;\nALTER TABLE users DROP COLUMN x;`), 'drop-column');
  });

  it('block comments work too', () => {
    expectClean(lintSql(`/* migsafe-ignore drop-column -- unused since v42 */\n${DROP}`), 'drop-column');
  });

  it('an ignore without a reason suppresses nothing and raises invalid-ignore', () => {
    const r = lintSql(`-- migsafe-ignore drop-column\n${DROP}`);
    expectFindings(r, 'drop-column', 1);
    expectFindings(r, 'invalid-ignore', 1);
  });

  it('an ignore naming an unknown rule suppresses nothing, not even the known rules it names', () => {
    const r = lintSql(`-- migsafe-ignore drop-column, drop-colum -- typo\n${DROP}`);
    expectFindings(r, 'drop-column', 1);
    const inv = expectFindings(r, 'invalid-ignore', 1);
    expect(inv[0]!.message).toContain('drop-colum');
  });

  it('a malformed ignore never silences more than it names', () => {
    const r = lintSql(`-- migsafe-ignore -- everything please\n${DROP}\nCREATE INDEX i ON users (a);`);
    expectFindings(r, 'drop-column', 1);
    expectFindings(r, 'require-concurrent-index', 1);
    expectFindings(r, 'invalid-ignore', 1);
  });

  it('an ignore that names a rule which did not fire raises unused-ignore, and only for that rule', () => {
    const r = lintSql(`-- migsafe-ignore drop-column, rename-column -- both planned\n${DROP}`);
    expectClean(r, 'drop-column');
    const u = expectFindings(r, 'unused-ignore', 1);
    expect(u[0]!.message).toContain('rename-column');
  });

  it('an ignore with nothing after it is invalid', () => {
    expectFindings(lintSql(`${DROP}\n-- migsafe-ignore drop-column -- dangling`), 'invalid-ignore', 1);
  });

  it('an ignore for a rule switched off in config is not reported unused', () => {
    expectClean(lintSql(`-- migsafe-ignore prefer-text -- legacy\nSELECT 1;`, { rules: { 'prefer-text': 'off' } }), 'unused-ignore');
  });

  it('ignores before a DO block cover the statements inside it', () => {
    expectClean(lintSql(`-- migsafe-ignore drop-column -- guarded\nDO $$ BEGIN ALTER TABLE t DROP COLUMN c; END $$;`), 'drop-column');
  });
});
