/**
 * Cross-release ordering rules (pure): contract-same-release and, for SQL directories,
 * out-of-order-migration. Input: every migration in apply order, each labelled released or not.
 */
import type { Finding } from '../engine/finding.js';
import type { ActiveRule } from '../engine/lint-migration.js';
import type { Migration } from '../model/migration.js';
import { tablesOf, type Operation } from '../model/operation.js';
import { columnOf, describeOp, phaseOf } from '../model/phase.js';
import { releaseFinding } from './make-finding.js';
import { dirname, basename } from 'node:path';
import { compareVersions, historyDirOf, versionOf } from './versions.js';

export interface Labelled {
  migration: Migration;
  /** Present in the last release (it has run in production). */
  released: boolean;
  /** Added or modified in the changeset being linted. */
  changed: boolean;
  /** Which history it belongs to (a SQL directory, an Alembic project); histories do not constrain each other. */
  history?: string;
}

const norm = (t: string) => t.toLowerCase().replace(/^public\./, '');

interface Touch {
  what: string;
  file: string;
}

export function contractSameRelease(list: Labelled[], active: Map<string, ActiveRule>): Finding[] {
  if (!active.has('contract-same-release')) return [];
  const out: Finding[] = [];
  const states = new Map<string, { createdTables: Map<string, string>; createdColumns: Map<string, string>; touched: Map<string, Touch> }>();
  for (const { migration: m, released, history = '' } of list) {
    if (released || m.direction !== 'upgrade') continue;
    let state = states.get(history);
    if (!state) states.set(history, (state = { createdTables: new Map(), createdColumns: new Map(), touched: new Map() }));
    // table → file, table.column → file, table → first expand/migrate step touching it
    const { createdTables, createdColumns, touched } = state;
    // contract steps against what earlier unreleased migrations did
    for (const op of m.operations) {
      if (phaseOf(op) !== 'contract') continue;
      const col = columnOf(op);
      for (const raw of tablesOf(op)) {
        const t = norm(raw);
        // SET NOT NULL on a column new to a released table still breaks the released code's INSERTs
        const columnExempt = col && op.kind !== 'set_not_null';
        const createdIn = createdTables.get(t) ?? (columnExempt ? createdColumns.get(`${t}.${col.toLowerCase()}`) : undefined);
        if (createdIn) {
          const f = releaseFinding(active, 'contract-same-release', 'createdHere', { op: describeOp(op), file: createdIn }, m, op, { severity: 'info', op });
          if (f) out.push(f);
          continue;
        }
        const prior = touched.get(t);
        if (prior) {
          const f = releaseFinding(active, 'contract-same-release', 'sameRelease', { op: describeOp(op), expand: prior.what, file: prior.file, table: raw }, m, op, { op });
          if (f) out.push(f);
        }
      }
    }
    // then record this migration's expand/migrate steps for the ones after it
    for (const op of m.operations) record(op, m.file, createdTables, createdColumns, touched);
  }
  return out;
}

function record(op: Operation, file: string, tables: Map<string, string>, columns: Map<string, string>, touched: Map<string, Touch>): void {
  const p = phaseOf(op);
  if (op.kind === 'create_table') tables.set(norm(op.table), file);
  if (op.kind === 'add_column') columns.set(`${norm(op.table)}.${op.column.name.toLowerCase()}`, file);
  if (op.kind === 'rename_table' && tables.has(norm(op.table))) tables.set(norm(op.newName), file);
  if (p === 'expand' || p === 'migrate') {
    for (const t of tablesOf(op)) if (!touched.has(norm(t))) touched.set(norm(t), { what: describeOp(op), file });
  }
}

/** SQL: an unreleased file whose version sorts before the newest released one in the same directory. */
export function outOfOrderSql(list: Labelled[], active: Map<string, ActiveRule>): Finding[] {
  if (!active.has('out-of-order-migration')) return [];
  const byDir = new Map<string, Labelled[]>();
  for (const l of list) {
    if (l.migration.language !== 'sql' || l.migration.direction !== 'upgrade' || !versionOf(l.migration.file)) continue;
    const d = historyDirOf(l.migration.file);
    byDir.set(d, [...(byDir.get(d) ?? []), l]);
  }
  const out: Finding[] = [];
  for (const items of byDir.values()) {
    const released = items.filter((l) => l.released);
    if (!released.length) continue;
    const newest = released.reduce((a, b) => (compareVersions(versionOf(a.migration.file)!, versionOf(b.migration.file)!) >= 0 ? a : b));
    const top = versionOf(newest.migration.file)!;
    for (const l of items) {
      if (l.released) continue;
      const v = versionOf(l.migration.file)!;
      if (compareVersions(v, top) <= 0) {
        const f = releaseFinding(active, 'out-of-order-migration', 'sql', { version: v, newest: shortName(newest.migration.file), newestVersion: top }, l.migration, { start: 0, end: 0 });
        if (f) out.push(f);
      }
    }
  }
  return out;
}

/** 003_x.sql, or 20240101_x/migration.sql for a migration folder. */
const shortName = (file: string) => (historyDirOf(file) === dirname(file) ? basename(file) : `${basename(dirname(file))}/${basename(file)}`);
