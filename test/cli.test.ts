/** CLI tests: spawn the built binary, check output and exit codes. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasStack, migsafe, tmp } from './cli-helpers.js';
import { rules } from '../rules/index.js';

const ANSI = /\x1b\[[0-9;]*m/;

describe('migsafe lint: formats and exit codes', () => {
  it('text: file:line:col, rule, message, code frame, help and a summary; exit 1', () => {
    const r = migsafe(['lint', 'fixtures/sql/001_dangerous.sql']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fixtures/sql/001_dangerous.sql:2:1 error drop-column');
    expect(r.stdout).toContain('2 | ALTER TABLE users DROP COLUMN legacy_flag;');
    expect(r.stdout).toMatch(/help: Deprecate first/);
    expect(r.stdout).toMatch(/✖ 6 problems \(5 errors, 1 warning\) · 1 file checked/);
    expect(r.stderr).toBe('');
  });

  it('no colour when stdout is not a TTY; colour with FORCE_COLOR; NO_COLOR wins over a TTY', () => {
    expect(migsafe(['lint', 'fixtures/sql/001_dangerous.sql']).stdout).not.toMatch(ANSI);
    expect(migsafe(['lint', 'fixtures/sql/001_dangerous.sql'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
  });

  it('exit 0 on a clean directory', () => {
    const r = migsafe(['lint', 'fixtures/sql/clean']);
    expect(r.stdout).toContain('✔ no problems');
    expect(r.code).toBe(0);
  });

  it('json: the version 1 contract', () => {
    const r = migsafe(['lint', 'fixtures/sql/001_dangerous.sql', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe(1);
    expect(doc.summary).toMatchObject({ files: 1, errors: 5, warnings: 1 });
    const f = doc.findings[0];
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'file', 'line', 'column', 'endLine', 'message', 'help', 'direction']));
    expect(f).toMatchObject({ rule: 'drop-column', severity: 'error', file: 'fixtures/sql/001_dangerous.sql', line: 2, column: 1, endLine: 2, direction: 'upgrade' });
  });

  it('github: workflow-command annotations', () => {
    const r = migsafe(['lint', 'fixtures/sql/001_dangerous.sql', '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^::error file=fixtures\/sql\/001_dangerous.sql,line=2,col=1,endLine=2,title=migsafe drop-column::Dropping column/);
    expect(lines.some((l) => l.startsWith('::warning ') && l.includes('require-lock-timeout'))).toBe(true);
    // newlines in messages are escaped, so each annotation is one line
    expect(lines.filter((l) => l.startsWith('::')).every((l) => l.includes('%0A'))).toBe(true);
  });

  it('--fail-on warning makes warnings fail; default does not', () => {
    expect(migsafe(['lint', 'fixtures/sql/warnings']).code).toBe(0);
    expect(migsafe(['lint', 'fixtures/sql/warnings', '--fail-on', 'warning']).code).toBe(1);
  });

  it('--pg-version changes what is safe', () => {
    const d = tmp();
    writeFileSync(join(d, '1.sql'), "SET lock_timeout = '1s';\nALTER TABLE t ADD COLUMN c int DEFAULT 0;\n");
    expect(migsafe(['lint', d]).code).toBe(0);
    const r = migsafe(['lint', d, '--pg-version', '10']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('add-column-volatile-default');
  });

  it('syntax errors exit 1 and the other statements are still linted', () => {
    const d = tmp();
    writeFileSync(join(d, '1.sql'), 'ALTER TABLE t DORP COLUMN c;\nALTER TABLE t DROP COLUMN d;\n');
    const r = migsafe(['lint', d, '--format', 'json']);
    expect(r.code).toBe(1);
    const rules = JSON.parse(r.stdout).findings.map((f: any) => f.rule);
    expect(rules).toContain('syntax-error');
    expect(rules).toContain('drop-column');
  });

  it('usage errors exit 2 with one line and no stack trace', () => {
    for (const args of [['lint', '--format', 'xml', 'fixtures/sql'], ['lint', '--fail-on', 'info', 'fixtures/sql'], ['lint', '--pg-version', 'x', 'fixtures/sql'], ['frobnicate']]) {
      const r = migsafe(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(hasStack(r.stderr)).toBe(false);
      expect(r.stderr.trim().length).toBeGreaterThan(0);
    }
  });
});

describe('bad input: clear message naming the file, no crash, other files still linted', () => {
  it('a nonexistent path', () => {
    const r = migsafe(['lint', 'nope/missing.sql', 'fixtures/sql/001_dangerous.sql']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('migsafe: nope/missing.sql: no such file or directory');
    expect(r.stdout).toContain('drop-column'); // the good file was still linted
  });

  it('a directory with no migrations', () => {
    const d = tmp();
    writeFileSync(join(d, 'README.md'), '# nothing here');
    const r = migsafe(['lint', d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${d}: no SQL migrations found`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a binary file and an invalid UTF-8 file', () => {
    const d = tmp();
    writeFileSync(join(d, '1_binary.sql'), Buffer.from([0x50, 0x47, 0x44, 0x4d, 0x50, 0x00, 0x01, 0x02]));
    writeFileSync(join(d, '2_latin1.sql'), Buffer.concat([Buffer.from("-- caf"), Buffer.from([0xe9]), Buffer.from('\nSELECT 1;\n')]));
    writeFileSync(join(d, '3_good.sql'), 'ALTER TABLE t DROP COLUMN c;\n');
    const r = migsafe(['lint', d]);
    expect(r.code).toBe(2);
    const err = r.stderr.trim().split('\n');
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/1_binary\.sql: binary file \(NUL byte at offset 5\)/);
    expect(err[1]).toMatch(/2_latin1\.sql: not valid UTF-8 \(invalid byte 0xe9 at line 1, byte offset 6\)/);
    expect(r.stdout).toContain('3_good.sql:1:1 error drop-column');
    expect(hasStack(r.stderr)).toBe(false);
  });

  it('an empty file', () => {
    const d = tmp();
    writeFileSync(join(d, 'empty.sql'), '');
    const r = migsafe(['lint', join(d, 'empty.sql')]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toMatch(/empty\.sql: empty file, nothing to lint$/);
  });

  it('a 10 MB file', () => {
    const d = tmp();
    const stmt = "INSERT INTO audit (id, payload) VALUES (1, 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');\n";
    const body = stmt.repeat(Math.ceil((10 << 20) / stmt.length)) + 'ALTER TABLE audit DROP COLUMN payload;\n';
    writeFileSync(join(d, 'big.sql'), body);
    const r = migsafe(['lint', join(d, 'big.sql'), '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.map((f: any) => f.rule)).toContain('drop-column');
    const drop = doc.findings.find((f: any) => f.rule === 'drop-column');
    expect(drop.line).toBe(body.split('\n').length - 1);
  });
});

describe('config', () => {
  it('is found by walking up, sets severities, and flags override it', () => {
    const d = tmp();
    writeFileSync(join(d, 'migsafe.config.json'), JSON.stringify({ rules: { 'drop-column': 'warning', 'require-lock-timeout': 'off' }, failOn: 'error' }));
    mkdirSync(join(d, 'db', 'migrations'), { recursive: true });
    writeFileSync(join(d, 'db', 'migrations', '1.sql'), 'ALTER TABLE t DROP COLUMN c;\n');
    const r = migsafe(['lint', '.', '--format', 'json'], { cwd: join(d, 'db') });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.map((f: any) => [f.rule, f.severity])).toEqual([['drop-column', 'warning']]);
    expect(migsafe(['lint', '.', '--fail-on', 'warning'], { cwd: join(d, 'db') }).code).toBe(1);
  });

  it('include and exclude globs', () => {
    const d = tmp();
    mkdirSync(join(d, 'migrations'), { recursive: true });
    mkdirSync(join(d, 'seeds'), { recursive: true });
    writeFileSync(join(d, 'migrations', '1.sql'), 'ALTER TABLE t DROP COLUMN c;\n');
    writeFileSync(join(d, 'migrations', '2.sql'), 'ALTER TABLE t DROP COLUMN d;\n');
    writeFileSync(join(d, 'seeds', 'seed.sql'), 'TRUNCATE t;\n');
    writeFileSync(join(d, 'migsafe.config.json'), JSON.stringify({ include: ['migrations/**/*.sql'], exclude: ['**/2.sql'] }));
    const doc = JSON.parse(migsafe(['lint', '.', '--format', 'json'], { cwd: d }).stdout);
    expect(doc.summary.files).toBe(1);
    expect([...new Set(doc.findings.map((f: any) => f.file))]).toEqual(['migrations/1.sql']);
  });

  it('invalid config: the error names the file and the key, exit 2', () => {
    const d = tmp();
    const cases: [unknown, RegExp][] = [
      [{ rules: { 'drop-colum': 'off' } }, /rules\.drop-colum: unknown rule "drop-colum"/],
      [{ rules: { 'drop-column': 'fatal' } }, /rules\.drop-column: Invalid enum value/],
      [{ pgVersion: 'fifteen' }, /pgVersion: Expected number/],
      [{ failon: 'warning' }, /unknown key "failon"/],
    ];
    for (const [cfg, msg] of cases) {
      writeFileSync(join(d, 'migsafe.config.json'), JSON.stringify(cfg));
      const r = migsafe(['lint', 'x.sql'], { cwd: d });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(join(d, 'migsafe.config.json'));
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    writeFileSync(join(d, 'migsafe.config.json'), '{ "rules": ');
    const r = migsafe(['lint', 'x.sql'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/migsafe\.config\.json: invalid JSON/);
    // a position in the file is given as line:column
    writeFileSync(join(d, 'migsafe.config.json'), '{\n  "pgVersion": 14\n  "failOn": "error"\n}\n');
    const at = migsafe(['lint', 'x.sql'], { cwd: d });
    expect(at.code).toBe(2);
    expect(at.stderr).toMatch(/migsafe\.config\.json:3:3: invalid JSON/);
    // every schema problem at once, on one line
    writeFileSync(join(d, 'migsafe.config.json'), JSON.stringify({ pgVersion: 'fifteen', failOn: 'never' }));
    const both = migsafe(['lint', 'x.sql'], { cwd: d });
    expect(both.code).toBe(2);
    expect(both.stderr.trim().split('\n')).toHaveLength(1);
    expect(both.stderr).toMatch(/pgVersion: .*; failOn: /);
  });

  it('--config names an explicit file; a missing one is an error', () => {
    const d = tmp();
    writeFileSync(join(d, 'custom.json'), JSON.stringify({ rules: { 'drop-column': 'off', 'require-lock-timeout': 'off' } }));
    writeFileSync(join(d, '1.sql'), 'ALTER TABLE t DROP COLUMN c;\n');
    expect(migsafe(['lint', '1.sql', '--config', 'custom.json'], { cwd: d }).code).toBe(0);
    const r = migsafe(['lint', '1.sql', '--config', 'nope.json'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.json: cannot read config file \(no such file\)/);
  });
});

describe('migsafe rules and explain', () => {
  it('rules lists every registered rule', () => {
    const r = migsafe(['rules']);
    expect(r.code).toBe(0);
    for (const rule of rules) expect(r.stdout).toContain(rule.meta.id);
    const json = JSON.parse(migsafe(['rules', '--format', 'json']).stdout);
    expect(json).toHaveLength(rules.length);
  });
  it('explain prints the README', () => {
    const r = migsafe(['explain', 'drop-column']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(import.meta.dirname, '..', 'rules', 'drop-column', 'README.md'), 'utf8'));
  });
  it('explain of an unknown rule is a usage error', () => {
    const r = migsafe(['explain', 'drop-colum']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule "drop-colum" \(did you mean drop-column/);
  });
});
