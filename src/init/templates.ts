/** Files that `migsafe init` writes. Pure functions of the detected layout, so tests can compare them. */
import type { Layout } from './detect.js';
import { REPO_URL, toolVersion } from '../report/docs.js';

/** Folders that hold migrations, as repo-relative posix paths (SQL first, then Alembic versions). */
export function migrationDirs(layout: Layout): string[] {
  return [...new Set([...layout.sql.map((s) => s.dir), ...layout.alembic.flatMap((a) => a.versions)])];
}

function includeGlobs(layout: Layout): string[] {
  return [...layout.sql.map((s) => `${s.dir}/**/*.sql`), ...layout.alembic.flatMap((a) => a.versions.map((v) => `${v}/*.py`))];
}

const json = (s: string) => JSON.stringify(s);

/** migsafe.config.json: JSON with comments, explaining every setting it writes. */
export function configText(layout: Layout): string {
  const lines: string[] = [
    '// migsafe configuration: JSON with comments.',
    `// Reference: ${REPO_URL}#configuration. \`migsafe rules\` lists every rule.`,
    '//',
    '// Written by `migsafe init` for the layout it found:',
  ];
  for (const s of layout.sql) lines.push(`//   SQL migrations      ${s.dir} (${s.sqlFiles} .sql file${s.sqlFiles === 1 ? '' : 's'}${s.runner ? `, ${s.runner}` : ''})`);
  for (const a of layout.alembic) {
    lines.push(`//   Alembic             ${a.ini}: script_location = ${a.scriptLocation || '(none)'}${a.versions.length ? ` → ${a.versions.join(', ')}` : ''}`);
    if (a.problem) lines.push(`//                       note: ${a.problem}`);
  }
  if (!layout.sql.length && !layout.alembic.length) lines.push('//   nothing: no alembic.ini and no known SQL migration folder. Edit "include" below.');
  const globs = includeGlobs(layout);
  const transactional = layout.sql.length > 0 && layout.sql.every((s) => s.transactional);
  lines.push(
    '{',
    '  // Which files `migsafe lint <dir>` picks up, as globs relative to this file.',
    globs.length ? `  "include": [${globs.map(json).join(', ')}],` : '  // "include": ["db/migrations/**/*.sql"],',
    '',
    '  // The PostgreSQL major version you deploy to. It changes what is safe: for example, ADD COLUMN',
    '  // with a constant DEFAULT rewrites the table before 11 and is instant from 11 on.',
    '  "pgVersion": 15,',
    '',
    '  // Lowest severity that makes `migsafe lint` exit 1 (and fails CI): "error" or "warning".',
    '  "failOn": "error",',
    '',
    '  // true if your migration runner wraps each SQL file in one transaction (Flyway, Prisma, dbmate,',
    '  // sqitch do; plain psql and golang-migrate do not). Alembic files are always treated as',
    '  // transactional. It decides whether CREATE INDEX CONCURRENTLY and friends can work.',
    `  "assumeInTransaction": ${transactional},`,
    '',
    '  // Per-rule severity: "error", "warning" or "off". Prefer an ignore comment with a reason',
    '  // (-- migsafe-ignore <rule> -- <why>) over turning a rule off for everyone.',
    '  "rules": {',
    '    // "require-lock-timeout": "error",',
    '    // "prefer-text": "off"',
    '  }',
    '}',
  );
  return lines.join('\n') + '\n';
}

/** A regex (for pre-commit's `files:`) matching migration files in the detected folders. */
export function filesRegex(layout: Layout): string {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = [...layout.sql.map((s) => `${esc(s.dir)}/.*\\.sql`), ...layout.alembic.flatMap((a) => a.versions.map((v) => `${esc(v)}/[^/]*\\.py`))];
  if (!parts.length) return '\\.sql$';
  return `^(${parts.join('|')})$`;
}

/** The hook entry under `repos:` in .pre-commit-config.yaml (the hook is defined in .pre-commit-hooks.yaml). */
export function preCommitEntry(layout: Layout): string {
  return [
    `  - repo: ${REPO_URL}`,
    `    rev: v${toolVersion()}`,
    '    hooks:',
    '      - id: migsafe',
    `        files: '${filesRegex(layout)}'`,
  ].join('\n') + '\n';
}

export function preCommitFile(layout: Layout): string {
  return `repos:\n${preCommitEntry(layout)}`;
}

/** .github/workflows/migsafe.yml using the migsafe GitHub Action. */
export function githubWorkflow(layout: Layout): string {
  const dirs = migrationDirs(layout);
  const paths = dirs.length ? dirs : ['.'];
  const trigger = dirs.length ? ['    paths:', ...dirs.map((d) => `      - ${json(`${d}/**`)}`)] : [];
  return [
    '# migsafe: lint the migrations a pull request changes. Written by `migsafe init`.',
    'name: migsafe',
    'on:',
    '  pull_request:',
    ...trigger,
    'permissions:',
    '  contents: read',
    '  pull-requests: write    # the PR summary comment',
    '  security-events: write  # SARIF upload to code scanning',
    'jobs:',
    '  migsafe:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '        with:',
    '          fetch-depth: 0     # the merge-base with the base branch decides what changed',
    `      - uses: migsafe/migsafe@v${toolVersion().split('.')[0]}`,
    '        with:',
    `          paths: ${paths.join(' ')}`,
    '          fail-on: error',
  ].join('\n') + '\n';
}

export interface GitlabOptions {
  /** Space-separated paths to lint. */
  paths: string;
}

/** A GitLab CI job producing the JUnit and Code Quality artifacts (also shipped as ci/gitlab-ci.yml). */
export function gitlabTemplate(opts: GitlabOptions): string {
  return `# migsafe for GitLab CI: lints the migrations a merge request changes and publishes
#   - a JUnit report (the merge request's "Tests" tab), and
#   - a Code Quality report (the merge request widget and the diff).
# Use it with
#   include:
#     - remote: 'https://raw.githubusercontent.com/migsafe/migsafe/main/ci/gitlab-ci.yml'
# and set MIGSAFE_PATHS (and optionally MIGSAFE_VERSION, MIGSAFE_FAIL_ON) in your variables.

variables:
  MIGSAFE_PATHS: ${json(opts.paths)}
  MIGSAFE_VERSION: "${toolVersion()}"
  MIGSAFE_FAIL_ON: "error"

migsafe:
  stage: test
  image: node:20
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  variables:
    GIT_DEPTH: "0"
  script:
    - npm install --global --no-audit --no-fund "migsafe@\${MIGSAFE_VERSION}"
    - |
      set +e
      BASE_ARGS=""
      if [ -n "$CI_MERGE_REQUEST_DIFF_BASE_SHA" ]; then BASE_ARGS="--base $CI_MERGE_REQUEST_DIFF_BASE_SHA"; fi
      migsafe lint $MIGSAFE_PATHS $BASE_ARGS --fail-on "$MIGSAFE_FAIL_ON" \\
        --format text \\
        --format junit --output migsafe-junit.xml \\
        --format gitlab --output gl-code-quality-report.json
      status=$?
      set -e
      exit $status
  artifacts:
    when: always
    reports:
      junit: migsafe-junit.xml
      codequality: gl-code-quality-report.json
    paths:
      - migsafe-junit.xml
      - gl-code-quality-report.json
`;
}
