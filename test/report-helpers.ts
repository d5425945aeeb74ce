/**
 * The one fixture set every report format is snapshotted on: fixtures/report/, linted for real.
 * SQL files with errors and warnings, a suppressed finding, a syntax error, a clean file and a
 * downgrade file, plus an Alembic revision (alembic/versions/) with findings on both sides and a
 * suppressed one.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { lint, type LintResult } from '../src/lint.js';
import { SourceText } from '../src/sources/source-text.js';
import type { Migration } from '../src/model/migration.js';
import type { Finding } from '../src/engine/finding.js';
import { format } from '../src/engine/rule.js';
import { getRule } from '../rules/index.js';
import type { ReportOptions } from '../src/report/options.js';
import { testConfig } from './helpers.js';

export const ROOT = join(import.meta.dirname, '..');
export const SNAPSHOTS = join(import.meta.dirname, '__snapshots__', 'report');

/** Rendering options for snapshots: paths relative to the repo, a fixed rule list for JUnit. */
export const OPTS: ReportOptions = {
  failOn: 'error',
  cwd: ROOT,
  root: ROOT,
  rulesChecked: ['constraint-not-valid', 'drop-column', 'prefer-text', 'rename-column', 'require-concurrent-index', 'require-lock-timeout', 'syntax-error'],
};

/** The Alembic revision in the fixture set: findings in upgrade() and downgrade(), and a suppressed one. */
export const ALEMBIC_FILE = 'fixtures/report/alembic/versions/3f2a9c_add_nickname.py';

/** Lint fixtures/report (cwd = repo root): SQL files and an Alembic versions folder. */
export async function fixtureResult(): Promise<LintResult> {
  return lint({ paths: ['fixtures/report'], cwd: ROOT, config: testConfig({ root: ROOT }) });
}

/** Only the clean migration: zero findings. */
export async function cleanResult(): Promise<LintResult> {
  return lint({ paths: ['fixtures/report/004_clean.sql'], cwd: ROOT, config: testConfig({ root: ROOT }) });
}

/** A LintResult with `n` findings over `files` files, severities cycling through `severities`. */
export function manyFindings(n: number, files: number, severities: ('error' | 'warning' | 'info')[]): LintResult {
  const perFile = Math.ceil(n / files);
  const migrations: Migration[] = [];
  const findings: Finding[] = [];
  const rule = getRule('drop-column')!;
  let k = 0;
  for (let fi = 0; fi < files && k < n; fi++) {
    const file = `db/migrations/${String(fi).padStart(4, '0')}_big.sql`;
    const lines: string[] = [];
    for (let j = 0; j < perFile && k + j < n; j++) lines.push(`ALTER TABLE table_${fi} DROP COLUMN column_${j};`);
    const text = lines.join('\n') + '\n';
    const source = new SourceText(text);
    migrations.push({ file, source, language: 'sql', direction: 'upgrade', operations: [], directives: [], invalidDirectives: [], problems: [], transactional: false });
    let offset = 0;
    for (let j = 0; j < lines.length; j++, k++) {
      const data = { table: `table_${fi}`, column: `column_${j}` };
      findings.push({
        rule: 'drop-column', severity: severities[k % severities.length]!, messageId: 'drop', data, message: format(rule.meta.messages.drop!, data),
        help: format(rule.meta.help, data), file, start: offset, end: offset + lines[j]!.length - 1, direction: 'upgrade', language: 'sql',
      });
      offset += lines[j]!.length + 1;
    }
  }
  return { migrations, findings, fileProblems: [], notes: [] };
}

/** ajv (draft-07) with formats, compiled against the official SARIF 2.1.0 schema shipped in test/fixtures. */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(schema);
}
