import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migsafe, tmp } from './cli-helpers.js';

describe('migsafe baseline', () => {
  it('records current findings; lint then fails only on new ones, even when lines shift', () => {
    const d = tmp();
    writeFileSync(join(d, 'migsafe.config.json'), JSON.stringify({ rules: { 'require-lock-timeout': 'off' } }));
    writeFileSync(join(d, '001.sql'), 'ALTER TABLE users DROP COLUMN legacy;\n');
    expect(migsafe(['lint', '.'], { cwd: d }).code).toBe(1);

    const b = migsafe(['baseline', '.'], { cwd: d });
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/recorded 1 finding\(s\) from 1 file\(s\) in \.migsafe-baseline\.json/);
    const file = JSON.parse(readFileSync(join(d, '.migsafe-baseline.json'), 'utf8'));
    expect(file.findings[0]).toMatchObject({ rule: 'drop-column', file: '001.sql' });

    // lines shift above the old finding: still baselined
    writeFileSync(join(d, '001.sql'), '-- legacy cleanup\n\nALTER TABLE users DROP COLUMN legacy;\n');
    const ok = migsafe(['lint', '.', '--format', 'json'], { cwd: d });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/1 finding\(s\) are in the baseline/);
    expect(JSON.parse(ok.stdout).suppressed[0].reason).toMatch(/in baseline/);

    // a new finding fails
    writeFileSync(join(d, '002.sql'), 'ALTER TABLE users DROP COLUMN other;\n');
    const bad = migsafe(['lint', '.', '--format', 'json'], { cwd: d });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).findings.map((f: any) => f.file)).toEqual(['002.sql']);

    // --no-baseline shows everything
    expect(JSON.parse(migsafe(['lint', '.', '--format', 'json', '--no-baseline'], { cwd: d }).stdout).findings).toHaveLength(2);
  });

  it('without a config file, lint from a subdirectory finds the baseline recorded at the top', () => {
    const d = tmp();
    mkdirSync(join(d, 'db'));
    writeFileSync(join(d, 'db', '001.sql'), 'ALTER TABLE users DROP COLUMN legacy;\n');
    expect(migsafe(['baseline', 'db'], { cwd: d }).code).toBe(0);
    const sub = migsafe(['lint', '.', '--format', 'json'], { cwd: join(d, 'db') });
    expect(sub.code).toBe(0);
    expect(sub.stderr).toMatch(/finding\(s\) are in the baseline \.\.\/\.migsafe-baseline\.json/);
    writeFileSync(join(d, 'db', '002.sql'), 'ALTER TABLE users DROP COLUMN other;\n');
    const bad = migsafe(['lint', '.', '--format', 'json'], { cwd: join(d, 'db') });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).findings.filter((f: any) => f.rule === 'drop-column').map((f: any) => f.file)).toEqual(['002.sql']);
  });

  it('a baselined mixed-phases finding stays baselined when the migration gains another step', () => {
    const d = tmp();
    writeFileSync(join(d, 'migsafe.config.json'), JSON.stringify({ rules: { 'require-lock-timeout': 'off', 'drop-column': 'off' } }));
    writeFileSync(join(d, '001.sql'), 'ALTER TABLE users ADD COLUMN email_address text;\nALTER TABLE users DROP COLUMN email;\n');
    expect(migsafe(['baseline', '.'], { cwd: d }).code).toBe(0);
    writeFileSync(join(d, '001.sql'), 'ALTER TABLE users ADD COLUMN email_address text;\nALTER TABLE users ADD COLUMN nickname text;\nALTER TABLE users DROP COLUMN email;\n');
    const r = migsafe(['lint', '.', '--format', 'json'], { cwd: d });
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('a corrupt baseline is a config error naming the file', () => {
    const d = tmp();
    writeFileSync(join(d, '001.sql'), 'SELECT 1;\n');
    writeFileSync(join(d, '.migsafe-baseline.json'), '{"version": 2}');
    const r = migsafe(['lint', '.'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/\.migsafe-baseline\.json: version: .*regenerate it with `migsafe baseline`/);
  });
});
