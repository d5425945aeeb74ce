/** `migsafe lint` on Alembic projects, through the built binary: discovery, direction in the output, exit codes. */
import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migsafe, tmp, hasStack } from './cli-helpers.js';

describe('migsafe lint on Alembic', () => {
  it('a clean project: exit 0, every revision counted once', () => {
    const r = migsafe(['lint', 'fixtures/alembic/clean']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/no problems .* 5 files checked, 4 suppressed/);
  });

  it('json: every finding carries its direction; downgrade findings point into downgrade()', () => {
    const r = migsafe(['lint', 'fixtures/alembic/dangerous', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.files).toBe(6);
    expect(doc.findings.every((f: any) => f.direction === 'upgrade' || f.direction === 'downgrade')).toBe(true);
    const loss = doc.findings.filter((f: any) => f.rule === 'downgrade-data-loss');
    expect(loss.length).toBeGreaterThan(0);
    expect(loss.every((f: any) => f.direction === 'downgrade')).toBe(true);
    const irreversible = doc.findings.find((f: any) => f.rule === 'irreversible-downgrade');
    expect(irreversible).toMatchObject({ file: 'fixtures/alembic/dangerous/versions/0005_rename_and_raw_sql.py', line: 27, column: 5, direction: 'downgrade' });
    const dynamic = doc.findings.find((f: any) => f.rule === 'dynamic-sql');
    expect(dynamic).toMatchObject({ file: 'fixtures/alembic/dangerous/versions/0006_dynamic.py', line: 17, column: 20, severity: 'warning', direction: 'upgrade' });
  });

  it('text: downgrade findings are marked', () => {
    const r = migsafe(['lint', 'fixtures/alembic/dangerous/versions/0002_required_columns.py']);
    expect(r.stdout).toMatch(/0002_required_columns\.py:\d+:\d+ warning downgrade-data-loss \[downgrade\]/);
    expect(r.stdout).toMatch(/0002_required_columns\.py:\d+:\d+ error add-column-required \[upgrade\]\n/);
  });

  it('env.py with transactional_ddl=False is honoured', () => {
    const r = migsafe(['lint', 'fixtures/alembic/nontransactional', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
  });

  it('alembic.ini: version_locations with a separator and %(here)s; .py that are not revisions are skipped (noted with -v)', () => {
    const dir = tmp();
    for (const d of ['migrations', 'migrations/versions', 'extra']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'alembic.ini'), '[alembic]\nscript_location = migrations\nversion_path_separator = ;\nversion_locations = %(here)s/migrations/versions;%(here)s/extra\n');
    writeFileSync(join(dir, 'migrations', 'env.py'), 'from alembic import context\n');
    const rev = (id: string, down: string | null, body: string) =>
      `revision = "${id}"\ndown_revision = ${down ? `"${down}"` : 'None'}\nfrom alembic import op\n\n\ndef upgrade():\n    ${body}\n\n\ndef downgrade():\n    pass\n`;
    writeFileSync(join(dir, 'migrations', 'versions', 'a.py'), rev('a', null, 'op.execute("SELECT 1")'));
    writeFileSync(join(dir, 'extra', 'b.py'), rev('b', 'a', 'op.drop_column("users", "x")'));
    writeFileSync(join(dir, 'extra', 'helpers.py'), 'def helper():\n    return 1\n');
    const r = migsafe(['lint', '.', '--format', 'json', '-v'], { cwd: dir });
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.files).toBe(2);
    expect(doc.findings.map((f: any) => f.rule)).toContain('drop-column');
    expect(doc.findings.map((f: any) => f.rule)).not.toContain('unknown-down-revision'); // both locations form one graph
    expect(r.stderr).toContain('extra/helpers.py: not an Alembic revision, skipped');
    expect(migsafe(['lint', '.'], { cwd: dir }).stderr).not.toContain('helpers.py');
  });

  it('a .py file named on the command line that is not a revision gets a note, not a SQL syntax error', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'settings.py'), 'DEBUG = True\n');
    writeFileSync(join(dir, 'ok.sql'), 'SELECT 1;\n');
    const r = migsafe(['lint', 'settings.py', 'ok.sql'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('settings.py: not an Alembic revision');
    expect(r.stdout).not.toContain('syntax-error');
  });

  it('a revision with a Python syntax error: a syntax-error finding, exit 1, other files still linted, no stack', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'versions'));
    writeFileSync(join(dir, 'versions', 'a.py'), 'revision = "a"\ndown_revision = None\n\ndef upgrade(:\n    op.drop_table("t")\n');
    writeFileSync(join(dir, 'versions', 'b.py'), 'revision = "b"\ndown_revision = "a"\n\ndef upgrade():\n    op.drop_column("t", "c")\n\ndef downgrade():\n    pass\n');
    const r = migsafe(['lint', 'versions', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(hasStack(r.stderr)).toBe(false);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.find((f: any) => f.rule === 'syntax-error')).toMatchObject({ file: 'versions/a.py', line: 4 });
    expect(doc.findings.some((f: any) => f.rule === 'drop-column' && f.file === 'versions/b.py')).toBe(true);
  });

  it('a directory with neither SQL nor Alembic revisions exits 2 and says so', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'x.py'), 'print(1)\n');
    const r = migsafe(['lint', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no SQL migrations found');
    expect(r.stderr).toContain('no Alembic revision files');
  });
});
