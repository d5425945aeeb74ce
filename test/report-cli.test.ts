/**
 * The CI formats through the built CLI: several formats in one run, --output (atomic), the bad
 * input that must be a one-line usage error (exit 2), `migsafe init`, action.yml's lint step run
 * for real with bash, its PR-comment upsert against a fake API, and the GitLab template.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { XMLValidator } from 'fast-xml-parser';
import { BIN, hasStack, migsafe, ROOT, tmp } from './cli-helpers.js';
import { sarifValidator } from './report-helpers.js';
import { MARKDOWN_MARKER } from '../src/report/markdown.js';
import { gitlabTemplate } from '../src/init/templates.js';
import { nextLink, run as runComment, upsertComment } from '../src/action/comment.js';
import { stripJsonComments } from '../src/config/jsonc.js';

const FIX = 'fixtures/report';
const oneLineUsageError = (r: { code: number; stderr: string; stdout: string }, re: RegExp) => {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(re);
  expect(hasStack(r.stderr)).toBe(false);
};

describe('migsafe lint: several formats in one run, --output', () => {
  it('--format github --format sarif --output f: annotations on stdout, SARIF in the file', () => {
    const d = tmp();
    const out = join(d, 'migsafe.sarif');
    const r = migsafe(['lint', FIX, '--format', 'github', '--format', 'sarif', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^::error file=fixtures\/report\/001_orders\.sql,line=2/);
    expect(r.stdout).not.toContain('"version"');
    expect(r.stderr.trim()).toBe(`migsafe: wrote sarif report to ${out}`);
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0].results.map((x: any) => x.ruleId)).toContain('constraint-not-valid');
  });

  it('every CI format to its own file; nothing on stdout; relative --output paths resolve from the cwd', () => {
    const d = tmp();
    const r = migsafe(['lint', join(ROOT, FIX), '-f', 'sarif', '-o', 'a.sarif', '-f', 'junit', '-o', 'reports/junit.xml', '-f', 'gitlab', '-o', 'gl.json', '-f', 'markdown', '-o', 'pr.md'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(4);
    JSON.parse(readFileSync(join(d, 'a.sarif'), 'utf8'));
    expect(XMLValidator.validate(readFileSync(join(d, 'reports', 'junit.xml'), 'utf8'))).toBe(true);
    expect(Array.isArray(JSON.parse(readFileSync(join(d, 'gl.json'), 'utf8')))).toBe(true);
    expect(readFileSync(join(d, 'pr.md'), 'utf8').startsWith(MARKDOWN_MARKER)).toBe(true);
  });

  it('--output replaces an existing file atomically and leaves no temporary files', () => {
    const d = tmp();
    writeFileSync(join(d, 'report.md'), 'old report\n');
    const r = migsafe(['lint', join(ROOT, FIX, '004_clean.sql'), '--format', 'markdown', '--output', 'report.md'], { cwd: d });
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, 'report.md'), 'utf8')).toMatch(/✅ migsafe: no problems/);
    expect(readdirSync(d)).toEqual(['report.md']);
  });

  it('--output without --format writes the default text format to the file', () => {
    const d = tmp();
    const r = migsafe(['lint', join(ROOT, FIX, '001_orders.sql'), '--output', 'lint.txt'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(d, 'lint.txt'), 'utf8')).toMatch(/✖ 4 problems/);
  });

  it('markdown, junit and gitlab also work on stdout', () => {
    expect(migsafe(['lint', FIX, '--format', 'markdown']).stdout.startsWith(MARKDOWN_MARKER)).toBe(true);
    expect(migsafe(['lint', FIX, '--format', 'junit']).stdout.startsWith('<?xml')).toBe(true);
    expect(JSON.parse(migsafe(['lint', FIX, '--format', 'gitlab']).stdout).length).toBeGreaterThan(3);
  });

  it('SARIF paths are relative to the repository root when run from a subdirectory', () => {
    const r = migsafe(['lint', 'report/001_orders.sql', '--format', 'sarif'], { cwd: join(ROOT, 'fixtures') });
    const uris = JSON.parse(r.stdout).runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri);
    expect(new Set(uris)).toEqual(new Set(['fixtures/report/001_orders.sql']));
  });
});

describe('migsafe lint: bad --format / --output is a one-line usage error, exit 2, before linting', () => {
  it('an unknown format', () => {
    const r = migsafe(['lint', FIX, '--format', 'xml']);
    oneLineUsageError(r, /unknown --format "xml" \(expected one of: text, json, github, sarif, junit, gitlab, markdown\)/);
    expect(r.stdout).toBe('');
  });

  it('an unwritable --output: under a regular file, or a directory', () => {
    const d = tmp();
    writeFileSync(join(d, 'file'), 'x');
    const r = migsafe(['lint', join(ROOT, FIX), '--format', 'sarif', '--output', join(d, 'file', 'out.sarif')]);
    oneLineUsageError(r, /cannot write --output .*out\.sarif: .*file is not a directory/);
    expect(r.stdout).toBe('');
    mkdirSync(join(d, 'dir'));
    oneLineUsageError(migsafe(['lint', join(ROOT, FIX), '--format', 'junit', '--output', join(d, 'dir')]), /cannot write --output .*dir: it is a directory/);
  });

  it('an unwritable --output: a read-only directory (when not running as root)', () => {
    if (process.getuid?.() === 0) return; // root can write anywhere
    const d = tmp();
    mkdirSync(join(d, 'ro'));
    chmodSync(join(d, 'ro'), 0o500);
    oneLineUsageError(migsafe(['lint', join(ROOT, FIX), '--format', 'sarif', '--output', join(d, 'ro', 'x.sarif')]), /permission denied/);
  });

  it('--format given twice with one output file', () => {
    const d = tmp();
    oneLineUsageError(migsafe(['lint', FIX, '--format', 'sarif', '--format', 'sarif', '--output', join(d, 'x.sarif')]), /--format sarif is given twice/);
    oneLineUsageError(
      migsafe(['lint', FIX, '--format', 'json', '--output', join(d, 'x.json'), '--format', 'sarif', '--output', join(d, 'x.json')]),
      /--format json and --format sarif would both write to .*x\.json/,
    );
    expect(readdirSync(d)).toEqual([]);
  });

  it('two formats on standard output, and --output in the wrong place', () => {
    oneLineUsageError(migsafe(['lint', FIX, '--format', 'json', '--format', 'sarif']), /--format json and --format sarif would both write to standard output/);
    oneLineUsageError(migsafe(['lint', FIX, '--output', 'x.sarif', '--format', 'sarif']), /--output x\.sarif comes before any --format/);
    oneLineUsageError(migsafe(['lint', FIX, '--format', 'sarif', '--output', 'a', '--output', 'b']), /--format sarif has two --output files \(a, b\)/);
  });
});

describe('migsafe init', () => {
  function project(): string {
    const d = tmp('migsafe-init-');
    mkdirSync(join(d, 'db', 'migrate'), { recursive: true });
    mkdirSync(join(d, 'supabase', 'migrations'), { recursive: true });
    mkdirSync(join(d, 'backend', 'alembic', 'versions'), { recursive: true });
    writeFileSync(join(d, 'db', 'migrate', '001_drop.sql'), 'ALTER TABLE t DROP COLUMN c;\n');
    writeFileSync(join(d, 'supabase', 'migrations', '20240101_init.sql'), 'CREATE TABLE t (id bigint);\n');
    writeFileSync(join(d, 'backend', 'alembic.ini'), '[alembic]\n# the migration scripts\nscript_location = %(here)s/alembic\nsqlalchemy.url = driver://u:p@h/db\n\n[loggers]\nkeys = root\n');
    mkdirSync(join(d, 'docs'));
    writeFileSync(join(d, 'docs', 'notes.sql'), 'SELECT 1;\n'); // not a migration folder
    return d;
  }

  it('detects alembic.ini (script_location) and SQL folders, writes a commented config that lint accepts', () => {
    const d = project();
    const r = migsafe(['init'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/SQL\s+supabase\/migrations\/ \(1 \.sql file, Supabase CLI\)/);
    expect(r.stdout).toMatch(/SQL\s+db\/migrate\/ \(1 \.sql file\)/);
    expect(r.stdout).toMatch(/Alembic\s+backend\/alembic\.ini → script_location %\(here\)s\/alembic, revisions in backend\/alembic\/versions\//);
    expect(r.stdout).toContain('Wrote migsafe.config.json');
    const text = readFileSync(join(d, 'migsafe.config.json'), 'utf8');
    expect(text).toMatch(/^\/\/ /m);
    const cfg = JSON.parse(stripJsonComments(text));
    expect(cfg.include).toEqual(['supabase/migrations/**/*.sql', 'db/migrate/**/*.sql', 'backend/alembic/versions/*.py']);
    expect(cfg).toMatchObject({ pgVersion: 15, failOn: 'error', assumeInTransaction: false, rules: {} });
    // the config loads, and its include globs select the migration folders only (not docs/notes.sql)
    const lint = migsafe(['lint', '.', '--format', 'json'], { cwd: d });
    expect(lint.code, lint.stderr).toBe(1);
    expect([...new Set(JSON.parse(lint.stdout).findings.map((f: any) => f.file))]).toEqual(['db/migrate/001_drop.sql']);
  });

  it('never overwrites without --force, and says so', () => {
    const d = project();
    writeFileSync(join(d, 'migsafe.config.json'), '{ "failOn": "warning" }\n');
    const r = migsafe(['init'], { cwd: d });
    oneLineUsageError(r, /migsafe\.config\.json already exists; nothing was written \(use --force to overwrite\)/);
    expect(readFileSync(join(d, 'migsafe.config.json'), 'utf8')).toBe('{ "failOn": "warning" }\n');
    const f = migsafe(['init', '--force'], { cwd: d });
    expect(f.code).toBe(0);
    expect(f.stdout).toContain('Overwrote migsafe.config.json');
  });

  it('--pre-commit writes the hook entry, or appends it to an existing config, once', () => {
    const d = project();
    expect(migsafe(['init', '--pre-commit'], { cwd: d }).code).toBe(0);
    const y = parseYaml(readFileSync(join(d, '.pre-commit-config.yaml'), 'utf8'));
    expect(y.repos[0]).toMatchObject({ repo: 'https://github.com/migsafe/migsafe', hooks: [{ id: 'migsafe' }] });
    const files = new RegExp(y.repos[0].hooks[0].files);
    expect(files.test('db/migrate/001_drop.sql')).toBe(true);
    expect(files.test('backend/alembic/versions/3f2a_add.py')).toBe(true);
    expect(files.test('docs/notes.sql')).toBe(false);

    const e = project();
    writeFileSync(join(e, '.pre-commit-config.yaml'), 'repos:\n  - repo: https://github.com/psf/black\n    rev: 24.1.0\n    hooks:\n      - id: black\n');
    const r = migsafe(['init', '--pre-commit'], { cwd: e });
    expect(r.stdout).toContain('Added the migsafe hook to .pre-commit-config.yaml');
    const y2 = parseYaml(readFileSync(join(e, '.pre-commit-config.yaml'), 'utf8'));
    expect(y2.repos.map((x: any) => x.hooks[0].id)).toEqual(['black', 'migsafe']);
    const again = migsafe(['init', '--pre-commit', '--force'], { cwd: e });
    expect(again.stdout).toContain('already has a migsafe hook');
    expect(parseYaml(readFileSync(join(e, '.pre-commit-config.yaml'), 'utf8')).repos).toHaveLength(2);
  });

  it('--ci github writes a workflow using the action; --ci gitlab the job and an include', () => {
    const d = project();
    expect(migsafe(['init', '--ci', 'github'], { cwd: d }).code).toBe(0);
    const wf = parseYaml(readFileSync(join(d, '.github', 'workflows', 'migsafe.yml'), 'utf8'));
    expect(wf.permissions).toMatchObject({ 'pull-requests': 'write', 'security-events': 'write' });
    const steps = wf.jobs.migsafe.steps;
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(steps[1].uses).toMatch(/^migsafe\/migsafe@v\d+$/);
    expect(steps[1].with.paths).toBe('supabase/migrations db/migrate backend/alembic/versions');

    const g = project();
    const r = migsafe(['init', '--ci', 'gitlab'], { cwd: g });
    expect(r.code).toBe(0);
    expect(parseYaml(readFileSync(join(g, '.gitlab-ci.yml'), 'utf8'))).toEqual({ include: [{ local: '.gitlab/migsafe.gitlab-ci.yml' }] });
    const job = parseYaml(readFileSync(join(g, '.gitlab', 'migsafe.gitlab-ci.yml'), 'utf8'));
    expect(job.variables.MIGSAFE_PATHS).toBe('supabase/migrations db/migrate backend/alembic/versions');
    oneLineUsageError(migsafe(['init', '--ci', 'jenkins'], { cwd: project() }), /--ci must be "github" or "gitlab"/);
  });

  it('an empty project still gets a config, with a note to edit include', () => {
    const d = tmp();
    const r = migsafe(['init'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no alembic\.ini and no known SQL migration folder/);
    expect(JSON.parse(stripJsonComments(readFileSync(join(d, 'migsafe.config.json'), 'utf8'))).include).toBeUndefined();
  });
});

describe('GitHub Action (action.yml)', () => {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  const step = (id: string) => action.runs.steps.find((s: any) => s.id === id || s.name === id);

  it('is a composite action with the documented inputs and outputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'base', 'fail-on', 'config', 'version', 'upload-sarif', 'comment', 'github-token']);
    expect(Object.keys(action.outputs)).toEqual(['exit-code', 'sarif-file', 'markdown-file']);
    expect(step('Upload SARIF to code scanning').uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    // the token is given to the comment step only
    const withToken = action.runs.steps.filter((s: any) => JSON.stringify(s).includes('inputs.github-token'));
    expect(withToken.map((s: any) => s.name)).toEqual(['Post or update the PR comment']);
  });

  it('the lint step, run with bash: annotations, SARIF and markdown files, outputs, job summary, exit code kept for last', () => {
    const d = tmp();
    const wrapper = join(d, 'migsafe');
    writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const env = {
      ...process.env, MIGSAFE_BIN: wrapper, MIGSAFE_PATHS: `${FIX}/001_orders.sql ${FIX}/004_clean.sql`, MIGSAFE_BASE: 'none', MIGSAFE_BASE_REF: '',
      MIGSAFE_FAIL_ON: 'error', MIGSAFE_CONFIG: '', MIGSAFE_OUT: join(d, 'out'), GITHUB_OUTPUT: join(d, 'output'), GITHUB_STEP_SUMMARY: join(d, 'summary'),
    };
    const r = spawnSync('bash', ['-c', step('lint').run], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^::error file=fixtures\/report\/001_orders\.sql/m);
    const outputs = Object.fromEntries(readFileSync(join(d, 'output'), 'utf8').trim().split('\n').map((l) => l.split('=') as [string, string]));
    expect(outputs).toEqual({ 'exit-code': '1', 'sarif-file': join(d, 'out', 'migsafe.sarif'), 'markdown-file': join(d, 'out', 'migsafe.md') });
    expect(JSON.parse(readFileSync(outputs['sarif-file']!, 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(d, 'summary'), 'utf8')).toBe(readFileSync(outputs['markdown-file']!, 'utf8'));
    const fail = spawnSync('bash', ['-c', step('Fail on findings').run], { env: { ...process.env, CODE: outputs['exit-code'] }, encoding: 'utf8' });
    expect(fail.status).toBe(1);
    expect(spawnSync('bash', ['-c', step('Fail on findings').run], { env: { ...process.env, CODE: '0' } }).status).toBe(0);
  });
});

describe('PR comment: one comment, found by the marker, edited in place', () => {
  type Comment = { id: number; body: string; html_url: string };
  function fakeApi(initial: Comment[], pageSize = 2) {
    const comments = [...initial];
    const calls: string[] = [];
    let next = 1000;
    const f = (async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      calls.push(`${method} ${url.replace('https://api.example', '')}`);
      expect((init.headers as Record<string, string>).authorization).toBe('Bearer t0k');
      const json = (status: number, body: unknown, link?: string) => new Response(JSON.stringify(body), { status, headers: link ? { link } : {} });
      const u = new URL(url);
      if (method === 'GET') {
        const page = Number(u.searchParams.get('page') ?? '1');
        const items = comments.slice((page - 1) * pageSize, page * pageSize);
        const more = page * pageSize < comments.length;
        return json(200, items, more ? `<https://api.example/repos/o/r/issues/7/comments?per_page=100&page=${page + 1}>; rel="next", <https://api.example/x>; rel="last"` : undefined);
      }
      const body = JSON.parse(String(init.body)).body;
      if (method === 'PATCH') {
        const id = Number(u.pathname.split('/').pop());
        const c = comments.find((x) => x.id === id)!;
        c.body = body;
        return json(200, c);
      }
      const c = { id: next++, body, html_url: `https://github.example/o/r/pull/7#issuecomment-${next}` };
      comments.push(c);
      return json(201, c);
    }) as unknown as typeof fetch;
    return { f, comments, calls };
  }
  const body = (n: number) => `${MARKDOWN_MARKER}\n## ❌ migsafe: ${n} errors\n`;
  const opts = (f: typeof fetch, b: string) => ({ apiUrl: 'https://api.example', token: 't0k', repo: 'o/r', issue: 7, body: b, fetch: f });

  it('creates the comment when there is none, then updates that one (across pages), never duplicating', async () => {
    const api = fakeApi([{ id: 1, body: 'LGTM', html_url: '' }, { id: 2, body: 'nit', html_url: '' }, { id: 3, body: 'ok', html_url: '' }]);
    expect((await upsertComment(opts(api.f, body(3)))).action).toBe('created');
    expect((await upsertComment(opts(api.f, body(1)))).action).toBe('updated');
    expect((await upsertComment(opts(api.f, body(1)))).action).toBe('unchanged');
    expect(api.comments.filter((c) => c.body.includes(MARKDOWN_MARKER))).toHaveLength(1);
    expect(api.comments.find((c) => c.body.includes(MARKDOWN_MARKER))!.body).toBe(body(1));
    expect(api.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    expect(api.calls).toContain('PATCH /repos/o/r/issues/comments/1000');
  });

  it('refuses a body without the marker (it could never be found again)', async () => {
    await expect(upsertComment(opts(fakeApi([]).f, 'no marker'))).rejects.toThrow(/marker/);
  });

  it('API errors are reported with the status', async () => {
    const f = (async () => new Response('{"message":"Resource not accessible by integration"}', { status: 403 })) as unknown as typeof fetch;
    await expect(upsertComment(opts(f, body(1)))).rejects.toThrow(/HTTP 403 .*not accessible/);
  });

  it('outside a pull request it posts nothing', async () => {
    const d = tmp();
    writeFileSync(join(d, 'event.json'), JSON.stringify({ push: {} }));
    const log: string[] = [];
    expect(await runComment({ GITHUB_EVENT_PATH: join(d, 'event.json') }, (s) => log.push(s))).toBe(0);
    expect(log[0]).toMatch(/not a pull request/);
  });

  it('parses Link headers', () => {
    expect(nextLink('<https://a/2>; rel="next", <https://a/9>; rel="last"')).toBe('https://a/2');
    expect(nextLink('<https://a/9>; rel="last"')).toBeNull();
    expect(nextLink(null)).toBeNull();
  });

  it('the action runs the built comment script that ships in the package', () => {
    expect(existsSync(join(ROOT, 'dist', 'src', 'action', 'comment.js'))).toBe(true);
    expect(step2('Post or update the PR comment').run).toContain('dist/src/action/comment.js');
  });
  const step2 = (name: string) => parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')).runs.steps.find((s: any) => s.name === name);
});

describe('GitLab CI template (ci/gitlab-ci.yml)', () => {
  it('is the template `migsafe init --ci gitlab` writes, and produces JUnit and Code Quality artifacts', () => {
    const text = readFileSync(join(ROOT, 'ci', 'gitlab-ci.yml'), 'utf8');
    expect(text).toBe(gitlabTemplate({ paths: '.' }));
    const y = parseYaml(text);
    expect(y.migsafe.artifacts).toMatchObject({ when: 'always', reports: { junit: 'migsafe-junit.xml', codequality: 'gl-code-quality-report.json' } });
    const script = y.migsafe.script.join('\n');
    expect(script).toMatch(/--format junit --output migsafe-junit\.xml/);
    expect(script).toMatch(/--format gitlab --output gl-code-quality-report\.json/);
  });

  it('its lint command, run with sh, writes both reports', () => {
    const d = tmp();
    const y = parseYaml(readFileSync(join(ROOT, 'ci', 'gitlab-ci.yml'), 'utf8'));
    const script = (y.migsafe.script as string[]).filter((s) => !s.startsWith('npm install')).join('\n');
    writeFileSync(join(d, 'migsafe'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const r = spawnSync('sh', ['-c', script], {
      cwd: d,
      env: { ...process.env, PATH: `${d}:${process.env.PATH}`, MIGSAFE_PATHS: join(ROOT, FIX), MIGSAFE_FAIL_ON: 'error', CI_MERGE_REQUEST_DIFF_BASE_SHA: '' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(XMLValidator.validate(readFileSync(join(d, 'migsafe-junit.xml'), 'utf8'))).toBe(true);
    expect(JSON.parse(readFileSync(join(d, 'gl-code-quality-report.json'), 'utf8')).length).toBeGreaterThan(3);
  });
});
