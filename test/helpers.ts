/** Test helpers. They check in one direction: expectFindings fails on none, expectClean fails on any. */
import { expect } from 'vitest';
import { loadSqlFile, loadSqlParser } from '../src/sources/sql/index.js';
import { applySuppressionsToFile, checkMigration, lintMigration } from '../src/engine/lint-migration.js';
import { loadAlembicFile, loadPythonParser, type AlembicFile } from '../src/sources/alembic/index.js';
import { activeRules } from '../src/lint.js';
import { ruleIds } from '../rules/index.js';
import type { Finding } from '../src/engine/finding.js';
import type { Migration } from '../src/model/migration.js';
import type { ResolvedConfig } from '../src/config/schema.js';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../src/config/schema.js';
import { LineIndex } from '../src/report/line-index.js';

/** Both parsers (SQL and Python) are loaded once per test file. */
export const ready: Promise<void> = Promise.all([loadSqlParser(), loadPythonParser()]).then(() => undefined);

export function testConfig(over: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    file: null, root: process.cwd(), rules: {}, pgVersion: 15, include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE,
    failOn: 'error', assumeInTransaction: false, ...over,
  };
}

export interface LintedText {
  migration: Migration;
  findings: Finding[];
  /** Unsuppressed findings. */
  active: Finding[];
  at(f: Finding): { line: number; column: number };
}

export function lintMigrationWith(migration: Migration, over: Partial<ResolvedConfig> = {}): LintedText {
  const cfg = testConfig(over);
  const findings = lintMigration(migration, { active: activeRules(cfg), known: ruleIds, pgVersion: cfg.pgVersion });
  const idx = new LineIndex(migration.source);
  return { migration, findings, active: findings.filter((f) => !f.suppressed), at: (f) => idx.position(f.start) };
}

/**
 * Lint SQL text (call `await ready` first in the test file). A file with up and down sections
 * (goose, dbmate, sql-migrate) is linted as `migsafe lint` does: both, sharing the file's ignores;
 * `migration` is the up side.
 */
export function lintSql(sql: string, over: Partial<ResolvedConfig> & { file?: string; direction?: 'upgrade' | 'downgrade' } = {}): LintedText {
  const { upgrade, downgrade } = loadSqlFile({ file: over.file ?? 'test.sql', text: sql, direction: over.direction, transactional: over.assumeInTransaction });
  if (!downgrade) return lintMigrationWith(upgrade, over);
  const cfg = testConfig(over);
  const engine = { active: activeRules(cfg), known: ruleIds, pgVersion: cfg.pgVersion };
  const findings = applySuppressionsToFile([upgrade, downgrade].map((m) => ({ migration: m, raw: checkMigration(m, engine) })), engine);
  const idx = new LineIndex(upgrade.source);
  return { migration: upgrade, findings, active: findings.filter((f) => !f.suppressed), at: (f) => idx.position(f.start) };
}

/**
 * Lint an Alembic revision file's text (call `await ready` first): upgrade() and downgrade() are
 * both linted, sharing the file's ignore comments, as `migsafe lint` does. `migration` is the
 * upgrade side; `alembic` has both.
 */
export function lintPython(
  text: string,
  over: Partial<ResolvedConfig> & { file?: string; transactional?: boolean } = {},
): LintedText & { alembic: AlembicFile } {
  const a = loadAlembicFile({ file: over.file ?? 'test.py', text, transactional: over.transactional });
  const cfg = testConfig(over);
  const engine = { active: activeRules(cfg), known: ruleIds, pgVersion: cfg.pgVersion };
  const findings = applySuppressionsToFile([a.upgrade, a.downgrade].map((m) => ({ migration: m, raw: checkMigration(m, engine) })), engine);
  const idx = new LineIndex(a.source);
  return { migration: a.upgrade, alembic: a, findings, active: findings.filter((f) => !f.suppressed), at: (f) => idx.position(f.start) };
}

export function expectFindings(r: LintedText, rule: string, count?: number): Finding[] {
  const hits = r.active.filter((f) => f.rule === rule);
  if (hits.length === 0) {
    expect.fail(`expected a ${rule} finding, got: ${r.active.map((f) => f.rule).join(', ') || 'none'}`);
  }
  if (count !== undefined) expect(hits.length, `${rule} findings`).toBe(count);
  return hits;
}

export function expectClean(r: LintedText, rule?: string): void {
  const hits = r.active.filter((f) => rule === undefined || f.rule === rule);
  if (hits.length) expect.fail(`expected no ${rule ?? ''} finding, got: ${hits.map((f) => `${f.rule} @${r.at(f).line}: ${f.message}`).join('\n')}`);
}

/**
 * Rules that only exist for Alembic files: their cases are .py only (SQL cannot express them).
 * irreversible-downgrade is about the shape of downgrade(), dynamic-sql about SQL built in Python.
 */
export const ALEMBIC_ONLY: Record<string, string> = {
  'dynamic-sql': 'SQL computed at run time only exists in Python (f-strings, %, .format, variables)',
  'irreversible-downgrade': 'a missing, empty or raising downgrade() is a property of the Python function',
};
