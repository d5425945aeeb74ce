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

describe('ignore comments inside DO blocks and PL/pgSQL function bodies', () => {
  const doBlock = (...lines: string[]) => `SET lock_timeout = '1s';\nDO $$\nBEGIN\n${lines.map((l) => `  ${l}`).join('\n')}\nEND $$;`;

  it('an ignore above a statement in a DO body covers that statement only', () => {
    const r = lintSql(doBlock('-- migsafe-ignore drop-column -- retired in v2', 'ALTER TABLE users DROP COLUMN a;', 'ALTER TABLE users DROP COLUMN b;'));
    const hits = expectFindings(r, 'drop-column', 1);
    expect(hits[0]!.message).toContain('"b"');
    const sup = r.findings.filter((f) => f.rule === 'drop-column' && f.suppressed);
    expect(sup).toHaveLength(1);
    expect(sup[0]!.suppressed!.reason).toBe('retired in v2');
    expect(r.at(sup[0]!)).toEqual({ line: 5, column: 3 });
    expectClean(r, 'unused-ignore');
    expectClean(r, 'invalid-ignore');
  });

  it('a trailing ignore in a DO body covers the statement on its line', () => {
    const r = lintSql(doBlock('ALTER TABLE users DROP COLUMN a; -- migsafe-ignore drop-column -- retired', 'ALTER TABLE users DROP COLUMN b;'));
    expect(expectFindings(r, 'drop-column', 1)[0]!.message).toContain('"b"');
  });

  it('the same rules as top level: a reason is required, rules must exist, unused ignores are reported', () => {
    const noReason = lintSql(doBlock('-- migsafe-ignore drop-column', 'ALTER TABLE users DROP COLUMN a;'));
    expectFindings(noReason, 'drop-column', 1);
    expect(noReason.at(expectFindings(noReason, 'invalid-ignore', 1)[0]!).line).toBe(4);

    const unknown = lintSql(doBlock('-- migsafe-ignore drop-colum -- typo', 'ALTER TABLE users DROP COLUMN a;'));
    expectFindings(unknown, 'drop-column', 1);
    expect(expectFindings(unknown, 'invalid-ignore', 1)[0]!.message).toContain('drop-colum');

    const unused = lintSql(doBlock('-- migsafe-ignore drop-table -- not here', 'ALTER TABLE users DROP COLUMN a;'));
    expectFindings(unused, 'drop-column', 1);
    expect(unused.at(expectFindings(unused, 'unused-ignore', 1)[0]!).line).toBe(4);
  });

  it('a malformed ignore in a body never silences more than it names', () => {
    const r = lintSql(doBlock('-- migsafe-ignore -- everything please', 'ALTER TABLE users DROP COLUMN a;', 'DROP TABLE t;'));
    expectFindings(r, 'drop-column', 1);
    expectFindings(r, 'drop-table', 1);
    expectFindings(r, 'invalid-ignore', 1);
    const one = lintSql(doBlock('-- migsafe-ignore drop-column -- only this one', 'ALTER TABLE users DROP COLUMN a, DROP COLUMN b;', 'DROP TABLE t;'));
    expectClean(one, 'drop-column');
    expectFindings(one, 'drop-table', 1);
  });

  it('an ignore at the end of a body covers nothing: not the statement after the DO block', () => {
    const r = lintSql(`${doBlock('ALTER TABLE users DROP COLUMN a;', '-- migsafe-ignore drop-table -- wrong place')}\nDROP TABLE t;`);
    expectFindings(r, 'drop-table', 1);
    expect(expectFindings(r, 'invalid-ignore', 1)[0]!.messageId).toBe('noTarget');
  });

  it('a top-level ignore and one in the body are each counted once', () => {
    const body = doBlock('-- migsafe-ignore drop-column -- this one', 'ALTER TABLE users DROP COLUMN a;', 'DROP TABLE t;');
    const r = lintSql(body.replace('DO $$', () => '-- migsafe-ignore drop-table -- whole block\nDO $$'));
    expectClean(r, 'drop-column');
    expectClean(r, 'drop-table');
    expect(r.migration.directives.map((d) => d.rules[0])).toEqual(['drop-table', 'drop-column']);
    expectClean(r, 'invalid-ignore');
    expectClean(r, 'unused-ignore');
  });

  it('works in PL/pgSQL function bodies, single-quoted bodies and block comments', () => {
    const fn = lintSql(`CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $f$\nBEGIN\n  /* migsafe-ignore drop-table -- runs later */\n  DROP TABLE t;\n  DROP TABLE u;\nEND $f$;`);
    expect(expectFindings(fn, 'drop-table', 1)[0]!.message).toContain('"u"');
    expectClean(fn, 'unused-ignore');
    const quoted = lintSql(`DO 'BEGIN\n  RAISE NOTICE ''it''''s'';\n  -- migsafe-ignore drop-table -- quoted body\n  DROP TABLE t;\n  DROP TABLE u;\nEND';`);
    const [left] = expectFindings(quoted, 'drop-table', 1);
    expect(left!.message).toContain('"u"');
    expect(quoted.at(left!)).toEqual({ line: 5, column: 3 });
    expectClean(quoted, 'unused-ignore');
  });

  it('text in a string constant of the body is not a comment', () => {
    const r = lintSql(`CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $f$ SELECT '-- migsafe-ignore-file drop-table -- in body' $f$;\nDROP TABLE t;\nDO $$ BEGIN RAISE NOTICE '-- migsafe-ignore drop-table -- x'; DROP TABLE u; END $$;`);
    expectFindings(r, 'drop-table', 2);
    expect(r.migration.directives).toHaveLength(0);
  });
});
