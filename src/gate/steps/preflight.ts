/**
 * Pre-flight: the revision graph has a single head; record the current revision; render the
 * downgrade's SQL offline (alembic downgrade <current>:<target> --sql), lint it, and list what it
 * will drop. Nothing is changed.
 */
import { dirname, resolve } from 'node:path';
import type { Client } from 'pg';
import { ruleIds } from '../../../rules/index.js';
import { loadConfig } from '../../config/load.js';
import { activeRules } from '../../lint.js';
import { lintMigration } from '../../engine/lint-migration.js';
import type { Finding } from '../../engine/finding.js';
import type { Operation } from '../../model/operation.js';
import { loadSqlMigration, loadSqlParser } from '../../sources/sql/index.js';
import { LineIndex } from '../../report/line-index.js';
import { alembicDowngradeSql, alembicFailure, alembicHeads, type AlembicRunner } from '../alembic.js';
import { displayUrl, type ConnTarget } from '../conn.js';
import { connect } from '../fingerprint/session.js';
import type { GatePorts } from '../ports.js';
import { timed, type StepResult } from './step.js';

export interface PreflightPlan {
  target: ConnTarget;
  to: string;
  alembicConfig?: string;
  downgradeCmd?: string;
}

export interface LintedFinding {
  rule: string;
  severity: string;
  message: string;
  line: number;
  statement: string;
}

export interface PreflightData {
  /** Rows of alembic_version before the downgrade; null when the table does not exist. */
  current: string[] | null;
  heads: string[] | null;
  /** Nothing to do: the database is already at the target. */
  noop: boolean;
  sql: string | null;
  findings: LintedFinding[];
  /** What the rendered downgrade drops or deletes. */
  drops: string[];
}

/** Revision rows, or null when there is no alembic_version table. */
export async function readRevisions(c: Client): Promise<string[] | null> {
  const t = (await c.query(`SELECT to_regclass('alembic_version')::text AS t`)).rows[0].t;
  if (!t) return null;
  return (await c.query(`SELECT version_num::text AS v FROM alembic_version ORDER BY 1`)).rows.map((r) => r.v);
}

export const targetRevisions = (to: string) => (to === 'base' ? [] : [to]);
const sameRevs = (a: string[] | null, b: string[]) => !!a && a.length === b.length && a.every((x, i) => x === b[i]);

export function runPreflight(plan: PreflightPlan, ports: GatePorts): Promise<StepResult<PreflightData>> {
  return timed(ports, 'preflight', async () => {
    const evidence: Record<string, unknown> = { db: displayUrl(plan.target), to: plan.to };
    if (/^[-+]\d+$/.test(plan.to) || plan.to.includes(':') || /^(head|heads)$/.test(plan.to)) {
      return { status: 'error', summary: `--to must be an explicit revision id or "base", not "${plan.to}" (relative targets cannot be rendered offline or confirmed)`, evidence };
    }
    const c = await connect(ports.db, plan.target);
    let current: string[] | null;
    try {
      current = await readRevisions(c);
    } finally {
      await c.end().catch(() => {});
    }
    evidence.current = current;
    const data: PreflightData = { current, heads: null, noop: false, sql: null, findings: [], drops: [] };

    if (!plan.alembicConfig) {
      evidence.note = 'custom --downgrade-cmd: the downgrade SQL is not rendered or linted';
      if (current && current.length > 1) return { status: 'error', summary: `the database has ${current.length} current revisions (${current.join(', ')}): roll back one branch at a time`, evidence, data };
      if (sameRevs(current, targetRevisions(plan.to))) return { status: 'ok', summary: `already at ${plan.to}: nothing to roll back`, evidence, data: { ...data, noop: true } };
      return { status: 'ok', summary: `current revision ${current ? current.join(', ') || 'base' : 'unknown (no alembic_version table)'}; target ${plan.to}`, evidence, data };
    }

    const runner: AlembicRunner = { bin: ports.tools.alembic, config: plan.alembicConfig, target: plan.target, proc: ports.proc };
    // `heads` and the offline render are independent reads: run the two Python processes at once.
    const renderable = current !== null && current.length === 1 && !sameRevs(current, targetRevisions(plan.to));
    const [heads, rendered] = await Promise.all([alembicHeads(runner), renderable ? alembicDowngradeSql(runner, current![0]!, plan.to) : Promise.resolve(null)]);
    if (!heads.ok) return { status: 'error', summary: `alembic heads failed: ${alembicFailure(heads.result)}`, evidence: { ...evidence, stderr: heads.result.stderr.slice(-2000), stdout: heads.result.stdout.slice(-2000) }, data };
    data.heads = heads.heads;
    evidence.heads = heads.heads;
    if (heads.heads.length !== 1) return { status: 'error', summary: `the revision graph has ${heads.heads.length} heads (${heads.heads.join(', ')}): merge them (alembic merge) before rolling back`, evidence, data };
    if (current === null) return { status: 'error', summary: `${displayUrl(plan.target)} has no alembic_version table: it is not managed by this Alembic project`, evidence, data };
    if (current.length > 1) return { status: 'error', summary: `the database has ${current.length} current revisions (${current.join(', ')}): roll back one branch at a time`, evidence, data };
    if (sameRevs(current, targetRevisions(plan.to))) return { status: 'ok', summary: `already at ${plan.to}: nothing to roll back`, evidence, data: { ...data, noop: true } };
    if (current.length === 0) return { status: 'error', summary: `the database is at base (no revision applied): there is nothing to roll back to ${plan.to}`, evidence, data };

    const from = current[0]!;
    const sql = rendered!;
    evidence.render = ['alembic', ...sql.args];
    if (sql.code !== 0) return { status: 'error', summary: `cannot render the downgrade ${from} → ${plan.to}: ${alembicFailure(sql)}`, evidence: { ...evidence, stderr: sql.stderr.slice(-2000) }, data };
    data.sql = sql.stdout;
    const lintResult = await lintDowngradeSql(sql.stdout, `alembic downgrade ${from}:${plan.to} --sql`, dirname(resolve(plan.alembicConfig)));
    data.findings = lintResult.findings;
    data.drops = lintResult.drops;
    evidence.findings = data.findings.length;
    evidence.drops = data.drops;
    const errors = data.findings.filter((f) => f.severity === 'error').length;
    return {
      status: data.findings.length ? 'warn' : 'ok',
      summary: `at ${from}, single head ${heads.heads[0]}; downgrade to ${plan.to} rendered (${sql.stdout.split('\n').length} lines SQL): ${data.drops.length ? `drops ${data.drops.join(', ')}` : 'drops nothing'}; lint: ${data.findings.length} finding(s)${errors ? `, ${errors} error(s)` : ''}`,
      evidence,
      data,
    };
  }, `${plan.to}`);
}

/** Lint the rendered downgrade SQL with the project's config (searched from the Alembic project). */
export async function lintDowngradeSql(sql: string, file: string, cwd: string): Promise<{ findings: LintedFinding[]; drops: string[] }> {
  await loadSqlParser();
  const config = loadConfig(cwd, undefined, ruleIds);
  // Alembic's offline SQL carries its own BEGIN/COMMIT per revision (or per run).
  const m = loadSqlMigration({ file, text: sql, direction: 'downgrade', transactional: false });
  const raw: Finding[] = lintMigration(m, { active: activeRules(config), known: ruleIds, pgVersion: config.pgVersion }).filter((f) => !f.suppressed);
  const idx = new LineIndex(m.source);
  const findings = raw.map((f) => {
    const line = idx.position(f.start).line;
    return { rule: f.rule, severity: f.severity, message: f.message, line, statement: idx.lineText(line).trim().slice(0, 200) };
  });
  return { findings, drops: dropsOf(m.operations) };
}

export function dropsOf(ops: Operation[]): string[] {
  const out: string[] = [];
  const bookkeeping = (t: string) => /(^|\.)"?alembic_version"?$/.test(t);
  for (const op of ops) {
    if ((op.kind === 'delete' || op.kind === 'update' || op.kind === 'insert') && bookkeeping(op.table)) continue;
    if (op.kind === 'drop_table') out.push(...op.tables.map((t) => `table ${t}`));
    else if (op.kind === 'drop_column') out.push(`column ${op.table}.${op.column}`);
    else if (op.kind === 'truncate') out.push(...op.tables.map((t) => `all rows of ${t} (TRUNCATE)`));
    else if (op.kind === 'delete') out.push(`rows of ${op.table} (DELETE${op.hasWhere ? ' … WHERE' : ', every row'})`);
    else if (op.kind === 'drop_constraint') out.push(`constraint ${op.table}.${op.name}`);
    else if (op.kind === 'drop_index') out.push(...op.names.map((n) => `index ${n}`));
    else if (op.kind === 'drop_object') out.push(...op.names.map((n) => `${op.objectType} ${n}`));
  }
  return out;
}
