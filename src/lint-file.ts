/**
 * One migration file → what lint() needs from it: read, front end, per-migration rules.
 * It depends only on the file and the engine settings, so it runs on the main thread or in a
 * lint worker (src/parallel/) with the same result.
 */
import { rules as registry, ruleIds } from '../rules/index.js';
import type { Finding } from './engine/finding.js';
import { checkMigration, type ActiveRule, type EngineOptions } from './engine/lint-migration.js';
import type { Migration, SessionPreset } from './model/migration.js';
import type { GraphInput } from './sources/alembic/graph.js';
import { graphInput } from './sources/alembic/graphs.js';
import { loadAlembicFile, looksLikeRevision } from './sources/alembic/index.js';
import { readText, sqlDirection } from './sources/files.js';
import { loadSqlFile } from './sources/sql/index.js';

export interface FileJob {
  abs: string;
  /** Path as reported (relative to the cwd, POSIX separators). */
  display: string;
  /** Alembic revision file; `transactional` then comes from the project's env.py. */
  alembic: boolean;
  transactional: boolean;
  /** Findings are wanted (false: the file is only context, e.g. a released migration in --base mode). */
  reported: boolean;
  /** The bytes to lint instead of the file on disk (--staged: the staged blob). */
  content?: Uint8Array;
  /** Alembic: timeouts the project's env.py sets on the connection. */
  preset?: SessionPreset;
}

export type FileOutcome =
  | { kind: 'unreadable'; message: string }
  | { kind: 'empty' }
  /** A .py file in a versions directory that is not a revision after all. */
  | { kind: 'not-revision' }
  /** `down`: the file's down section, when it holds both directions (goose, dbmate, sql-migrate). */
  | { kind: 'sql'; migration: Migration; raw: Finding[]; down?: { migration: Migration; raw: Finding[] } }
  | { kind: 'alembic'; upgrade: Migration; downgrade: Migration; graph: GraphInput; raw: [Finding[], Finding[]] };

/** The rules that run, from the configured severities (id → off | warning | error). */
export function activeRulesFrom(settings: Record<string, 'off' | 'warning' | 'error'>): Map<string, ActiveRule> {
  const active = new Map<string, ActiveRule>();
  for (const rule of registry) {
    const setting = settings[rule.meta.id] ?? rule.meta.severity;
    if (setting !== 'off') active.set(rule.meta.id, { rule, severity: setting });
  }
  return active;
}

export const engineOptions = (settings: Record<string, 'off' | 'warning' | 'error'>, pgVersion: number): EngineOptions => ({
  active: activeRulesFrom(settings), known: ruleIds, pgVersion,
});

export function lintFile(job: FileJob, engine: EngineOptions): FileOutcome {
  const read = readText(job.abs, job.content);
  if (!read.ok) return { kind: 'unreadable', message: read.message };
  if (read.text.trim() === '') return { kind: 'empty' };
  const check = (m: Migration) => (job.reported ? checkMigration(m, engine) : []);
  if (job.alembic) {
    if (!looksLikeRevision(read.text)) return { kind: 'not-revision' };
    const a = loadAlembicFile({ file: job.display, text: read.text, transactional: job.transactional, ...(job.preset ? { preset: job.preset } : {}) });
    return { kind: 'alembic', upgrade: a.upgrade, downgrade: a.downgrade, graph: graphInput(job.display, a.source, a.revision), raw: [check(a.upgrade), check(a.downgrade)] };
  }
  const { upgrade, downgrade } = loadSqlFile({ file: job.display, text: read.text, direction: sqlDirection(job.abs), transactional: job.transactional });
  return { kind: 'sql', migration: upgrade, raw: check(upgrade), ...(downgrade ? { down: { migration: downgrade, raw: check(downgrade) } } : {}) };
}
