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

export interface Labelled {
  migration: Migration;
  /** Present in the last release (it has run in production). */
  released: boolean;
  /** Added or modified in the changeset being linted. */
  changed: boolean;
}

const norm = (t: string) => t.toLowerCase().replace(/^public\./, '');

interface Touch {
  what: string;
  file: string;
}

export function contractSameRelease(list: Labelled[], active: Map<string, ActiveRule>): Finding[] {
  if (!active.has('contract-same-release')) return [];
  const out: Finding[] = [];
  const createdTables = new Map<string, string>(); // table → file
  const createdColumns = new Map<string, string>(); // table.column → file
  const touched = new Map<string, Touch>(); // table → first expand/migrate touching it
  for (const { migration: m, released } of list) {
    if (released || m.direction !== 'upgrade') continue;
    // contract steps against what earlier unreleased migrations did
    for (const op of m.operations) {
      if (phaseOf(op) !== 'contract') continue;
      const col = columnOf(op);
      for (const raw of tablesOf(op)) {
        const t = norm(raw);
        const createdIn = createdTables.get(t) ?? (col ? createdColumns.get(`${t}.${col.toLowerCase()}`) : undefined);
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

/** The version prefix of a SQL migration file name: 20240101120000_x.sql → "20240101120000", V3__x.sql → "3". */
export function versionOf(file: string): string | null {
  const m = /^(?:V|v)?(\d+(?:[._]\d+)*)(?=[_\-.]|$)/.exec(basename(file));
  return m ? m[1]! : null;
}

const compareVersions = (a: string, b: string) => {
  const pa = a.split(/[._]/).map(BigInt);
  const pb = b.split(/[._]/).map(BigInt);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1n;
    const y = pb[i] ?? -1n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** SQL: an unreleased file whose version sorts before the newest released one in the same directory. */
export function outOfOrderSql(list: Labelled[], active: Map<string, ActiveRule>): Finding[] {
  if (!active.has('out-of-order-migration')) return [];
  const byDir = new Map<string, Labelled[]>();
  for (const l of list) {
    if (l.migration.language !== 'sql' || l.migration.direction !== 'upgrade' || !versionOf(l.migration.file)) continue;
    const d = dirname(l.migration.file);
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
        const f = releaseFinding(active, 'out-of-order-migration', 'sql', { version: v, newest: basename(newest.migration.file), newestVersion: top }, l.migration, { start: 0, end: 0 });
        if (f) out.push(f);
      }
    }
  }
  return out;
}
