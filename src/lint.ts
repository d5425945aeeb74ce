/**
 * lint(): the pure core of `migsafe lint`. Tests call it directly; the CLI only wires it up.
 * paths → files → front ends → Migration → engine → Finding[]
 */
import { relative } from 'node:path';
import { rules as registry, ruleIds } from '../rules/index.js';
import type { ResolvedConfig } from './config/schema.js';
import type { ActiveRule } from './engine/lint-migration.js';
import { applySuppressions, checkMigration } from './engine/lint-migration.js';
import { openChangeset, type ChangesetOptions } from './release/changeset.js';
import type { Finding } from './engine/finding.js';
import type { Migration } from './model/migration.js';
import { loadSqlMigration, loadSqlParser } from './sources/sql/index.js';
import { discoverSql, readText, sqlDirection, toPosix, type FileProblem } from './sources/files.js';
import { UsageError } from './errors.js';

export interface LintOptions {
  paths: string[];
  cwd: string;
  config: ResolvedConfig;
  /** Git-aware mode: lint what a branch or the index changes, with cross-release rules. */
  changeset?: ChangesetOptions;
}

export interface LintResult {
  migrations: Migration[];
  /** Every finding, suppressed ones included (check `suppressed`). Sorted by file and position. */
  findings: Finding[];
  /** Paths and files that could not be linted at all (missing, binary, not UTF-8). */
  fileProblems: FileProblem[];
  /** Non-fatal notes for the user (empty files). */
  notes: string[];
}

export function activeRules(config: ResolvedConfig): Map<string, ActiveRule> {
  const active = new Map<string, ActiveRule>();
  for (const rule of registry) {
    const setting = config.rules[rule.meta.id] ?? rule.meta.severity;
    if (setting !== 'off') active.set(rule.meta.id, { rule, severity: setting });
  }
  return active;
}

export async function lint(opts: LintOptions): Promise<LintResult> {
  await loadSqlParser();
  const { config, cwd } = opts;
  const paths = opts.paths.length ? opts.paths : ['.'];
  const found = discoverSql(paths, cwd, config.root, config.include, config.exclude);
  const result: LintResult = { migrations: [], findings: [], fileProblems: [...found.problems], notes: [] };
  const engine = { active: activeRules(config), known: ruleIds, pgVersion: config.pgVersion };
  const cs = opts.changeset ? await openChangeset(cwd, found.files, { ...opts.changeset, releaseTags: opts.changeset.releaseTags ?? config.releaseTags, codeSearch: opts.changeset.codeSearch ?? config.codeSearch }) : null;
  if (cs) {
    result.notes.push(...cs.notes);
    if (cs.report.size === 0) result.notes.push(`no migration ${opts.changeset!.staged ? 'is staged' : 'changed since the merge-base'}; nothing to lint`);
  }
  const loaded: { migration: Migration; abs: string; raw: Finding[] }[] = [];
  for (const abs of found.files) {
    if (cs && !cs.parse.has(abs)) continue;
    const reported = !cs || cs.report.has(abs);
    const display = toPosix(relative(cwd, abs)) || abs;
    const read = readText(abs);
    if (!read.ok) {
      if (reported) result.fileProblems.push({ file: display, message: read.message });
      continue;
    }
    if (read.text.trim() === '') {
      if (reported) result.notes.push(`${display}: empty file, nothing to lint`);
      continue;
    }
    const m = loadSqlMigration({ file: display, text: read.text, direction: sqlDirection(abs), transactional: config.assumeInTransaction });
    if (reported && m.operations.length === 0 && m.problems.length === 0) result.notes.push(`${display}: no SQL statements (only comments)`);
    loaded.push({ migration: m, abs, raw: reported ? checkMigration(m, engine) : [] });
  }
  if (cs) {
    const extra = await cs.analyze(loaded.map(({ migration, abs }) => ({ migration, abs })), engine.active);
    for (const l of loaded) if (cs.report.has(l.abs)) l.raw.push(...extra.filter((f) => f.file === l.migration.file && f.direction === l.migration.direction));
  }
  for (const l of loaded) {
    if (cs && !cs.report.has(l.abs)) continue;
    result.migrations.push(l.migration);
    result.findings.push(...applySuppressions(l.migration, l.raw, engine));
  }
  return result;
}

export function assertSomethingToLint(r: LintResult): void {
  if (r.migrations.length === 0 && r.fileProblems.length === 0 && r.notes.length === 0) throw new UsageError('no migration files to lint');
}
