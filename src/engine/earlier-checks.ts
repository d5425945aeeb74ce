/**
 * SET NOT NULL after a CHECK (col IS NOT NULL) that an earlier migration of the same history
 * validated. PostgreSQL 12+ uses the validated CHECK and skips the scan: it is the safe path the
 * set-not-null docs teach, split across deploys as they advise. One file alone cannot know about
 * the earlier migration, so set-not-null reports the step there; this pass walks each history in
 * apply order and marks those findings suppressed, naming the migration that validated the CHECK
 * (shown with --show-suppressed; an ignore comment on the step still counts as used).
 */
import type { Finding } from './finding.js';
import type { Migration } from '../model/migration.js';
import type { Operation } from '../model/operation.js';
import { inPublic } from './context-tracker.js';

interface Check {
  table: string;
  name: string | null;
  /** Columns the CHECK proves NOT NULL. */
  columns: string[];
  validated: boolean;
  /** Where it was validated (or added already valid). */
  file: string;
}

/**
 * `ordered`: the linted migrations in apply order, each with its history key (applyOrder) and its
 * findings, which are marked in place.
 */
export function suppressProvenSetNotNull(ordered: readonly { migration: Migration; raw: Finding[]; history: string }[], pgVersion: number): void {
  if (pgVersion < 12) return;
  const byHistory = new Map<string, Check[]>();
  for (const { migration: m, raw, history } of ordered) {
    if (m.direction !== 'upgrade') continue;
    let checks = byHistory.get(history);
    if (!checks) byHistory.set(history, (checks = []));
    const steps = raw.filter((f) => f.rule === 'set-not-null' && f.messageId === 'setNotNull' && !f.suppressed);
    for (const op of m.operations) {
      // a function body runs when called, not during the migration
      if (op.embedded === 'function') continue;
      if (op.kind === 'set_not_null' && steps.length) {
        const t = inPublic(op.table);
        const check = checks.find((c) => c.validated && c.table === t && c.columns.includes(op.column));
        if (check) {
          const name = check.name ? `"${check.name}" ` : '';
          const reason = `the CHECK ${name}on "${op.column}" was validated in ${check.file}, so PostgreSQL 12+ skips the scan`;
          for (const f of steps) if (!f.suppressed && f.start === op.start && f.data.column === op.column) f.suppressed = { reason, directive: { start: op.start, end: op.end } };
        }
      }
      track(checks, op, m.file);
    }
  }
}

function track(checks: Check[], op: Operation, file: string): void {
  const latest = (table: string, name: string) => {
    for (let i = checks.length - 1; i >= 0; i--) if (checks[i]!.table === table && checks[i]!.name === name) return i;
    return -1;
  };
  switch (op.kind) {
    case 'add_constraint':
      if (op.constraint === 'check' && op.notNullColumns?.length) checks.push({ table: inPublic(op.table), name: op.name, columns: [...op.notNullColumns], validated: !op.notValid, file });
      break;
    case 'validate_constraint': {
      const i = latest(inPublic(op.table), op.name);
      if (i >= 0) checks[i] = { ...checks[i]!, validated: true, file };
      break;
    }
    case 'drop_constraint': {
      const i = latest(inPublic(op.table), op.name);
      if (i >= 0) checks.splice(i, 1);
      break;
    }
    case 'drop_table': {
      const gone = new Set(op.tables.map(inPublic));
      for (let i = checks.length - 1; i >= 0; i--) if (gone.has(checks[i]!.table)) checks.splice(i, 1);
      break;
    }
    case 'rename_table': {
      const from = inPublic(op.table);
      const schema = op.table.includes('.') ? op.table.slice(0, op.table.lastIndexOf('.') + 1) : '';
      for (const c of checks) if (c.table === from) c.table = inPublic(schema + op.newName);
      break;
    }
    case 'rename_column':
      for (const c of checks) if (c.table === inPublic(op.table)) c.columns = c.columns.map((x) => (x === op.column ? op.newName : x));
      break;
    case 'drop_column':
      for (let i = checks.length - 1; i >= 0; i--) {
        const c = checks[i]!;
        if (c.table !== inPublic(op.table) || !c.columns.includes(op.column)) continue;
        // dropping a column drops the CHECKs that use it
        checks.splice(i, 1);
      }
      break;
    default:
  }
}
