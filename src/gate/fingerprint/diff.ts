/**
 * Fingerprint differences, classified:
 *   data-loss  (fail)  rows gone; a table holding rows dropped; a column dropped while it held
 *                      values; a column whose non-null count fell (dropped and re-added)
 *   integrity  (fail)  a constraint or unique index lost; a new invalid index; a constraint no
 *                      longer validated; new NOT VALID violations; a sequence now behind max()
 *   drift      (warn)  anything else
 *   info               expected bookkeeping (alembic_version)
 */
import type { ColumnFp, ConstraintFp, Fingerprint, IndexFp, SequenceFp, TableFp } from './schema.js';
import { tableKey } from './schema.js';

export type DiffClass = 'data-loss' | 'integrity' | 'drift' | 'info';
export type Value = number | string | boolean | null;

export interface Difference {
  class: DiffClass;
  kind: string;
  /** schema.table, schema.table.column, schema.table.constraint, schema.sequence, extension name */
  subject: string;
  message: string;
  before: Value;
  after: Value;
  /** Declared with --accept-data-loss: reported, does not fail. */
  accepted?: boolean;
  /** One side is a planner estimate. */
  estimate?: boolean;
}

const byName = <T extends { name: string }>(xs: T[]) => new Map(xs.map((x) => [x.name, x]));
const stripNotValid = (def: string) => def.replace(/\s+NOT VALID$/, '');
const isBookkeeping = (t: { name: string }) => t.name === 'alembic_version';

export function diffFingerprints(before: Fingerprint, after: Fingerprint): Difference[] {
  const out: Difference[] = [];
  const add = (d: Difference) => out.push(d);
  const bt = new Map(before.tables.map((t) => [tableKey(t), t]));
  const at = new Map(after.tables.map((t) => [tableKey(t), t]));

  for (const [key, b] of bt) {
    const a = at.get(key);
    const info = isBookkeeping(b);
    if (!a) {
      const held = b.kind === 'table' && (b.rows ?? 0) > 0;
      add({
        class: info ? 'info' : held ? 'data-loss' : 'drift',
        kind: 'table-dropped',
        subject: key,
        message: held ? `table dropped while it held ${b.rows}${b.estimated ? ' (estimated)' : ''} rows` : b.kind === 'partitioned' ? 'partitioned table dropped (its partitions are reported on their own)' : 'empty table dropped',
        before: b.rows,
        after: null,
        ...(b.estimated ? { estimate: true } : {}),
      });
      continue;
    }
    diffTable(key, b, a, info, add);
  }
  for (const [key, a] of at) if (!bt.has(key)) add({ class: isBookkeeping(a) ? 'info' : 'drift', kind: 'table-added', subject: key, message: `table added (${a.rows ?? 0} rows)`, before: null, after: a.rows });

  diffSequences(before.sequences, after.sequences, add);

  const be = byName(before.extensions);
  const ae = byName(after.extensions);
  for (const [n, b] of be) {
    const a = ae.get(n);
    if (!a) add({ class: 'drift', kind: 'extension-dropped', subject: n, message: 'extension dropped', before: b.version, after: null });
    else if (a.version !== b.version) add({ class: 'drift', kind: 'extension-version-changed', subject: n, message: 'extension version changed', before: b.version, after: a.version });
  }
  for (const [n, a] of ae) if (!be.has(n)) add({ class: 'drift', kind: 'extension-added', subject: n, message: 'extension added', before: null, after: a.version });

  const bv = before.alembicVersion?.join(',') ?? null;
  const av = after.alembicVersion?.join(',') ?? null;
  if (bv !== av) add({ class: 'info', kind: 'alembic-version-changed', subject: 'alembic_version', message: 'migration revision changed', before: bv, after: av });
  return out;
}

function diffTable(key: string, b: TableFp, a: TableFp, info: boolean, add: (d: Difference) => void) {
  const cls = (c: DiffClass): DiffClass => (info ? 'info' : c);
  const est = b.estimated || a.estimated;
  const estFlag = est ? { estimate: true } : {};
  const lostRows = b.rows !== null && a.rows !== null ? Math.max(0, b.rows - a.rows) : 0;
  if (b.rows !== null && a.rows !== null && a.rows !== b.rows) {
    if (a.rows < b.rows) add({ class: cls(est ? 'drift' : 'data-loss'), kind: 'rows-gone', subject: key, message: `${b.rows - a.rows} rows gone${est ? ' (estimated counts)' : ''}`, before: b.rows, after: a.rows, ...estFlag });
    else add({ class: cls('drift'), kind: 'rows-added', subject: key, message: `${a.rows - b.rows} rows added`, before: b.rows, after: a.rows, ...estFlag });
  }
  const bc = byName(b.columns);
  const ac = byName(a.columns);
  for (const [n, c] of bc) {
    const subject = `${key}.${n}`;
    const d = ac.get(n);
    if (!d) {
      const held = (c.nonNull ?? 0) > 0;
      add({
        class: cls(held && !est ? 'data-loss' : 'drift'),
        kind: 'column-dropped',
        subject,
        message: held ? `column dropped while it held ${c.nonNull} non-null values` : 'column dropped (it held no values)',
        before: c.nonNull,
        after: null,
        ...estFlag,
      });
      continue;
    }
    diffColumn(subject, c, d, lostRows, est, cls, add);
  }
  for (const [n, d] of ac) if (!bc.has(n)) add({ class: cls('drift'), kind: 'column-added', subject: `${key}.${n}`, message: `column added (${d.type})`, before: null, after: d.type });

  const bk = byName(b.constraints);
  const ak = byName(a.constraints);
  for (const [n, c] of bk) {
    const subject = `${key}.${n}`;
    const d = ak.get(n);
    if (!d) {
      add({ class: cls(c.type === 't' ? 'drift' : 'integrity'), kind: 'constraint-lost', subject, message: `${conKind(c)} lost: ${c.def}`, before: c.def, after: null });
      continue;
    }
    if (stripNotValid(c.def) !== stripNotValid(d.def)) add({ class: cls('drift'), kind: 'constraint-changed', subject, message: `${conKind(c)} definition changed`, before: c.def, after: d.def });
    if (c.validated && !d.validated) add({ class: cls('integrity'), kind: 'constraint-not-validated', subject, message: `${conKind(c)} is no longer validated (NOT VALID)`, before: true, after: false });
    else if (!c.validated && d.validated) add({ class: cls('drift'), kind: 'constraint-validated', subject, message: `${conKind(c)} is now validated`, before: false, after: true });
    const bvio = c.violations ?? 0;
    const avio = d.violations ?? 0;
    if (avio > bvio) add({ class: cls('integrity'), kind: 'not-valid-violations', subject, message: `${avio - bvio} new rows violate NOT VALID ${conKind(c)}`, before: bvio, after: avio });
  }
  for (const [n, d] of ak) {
    if (bk.has(n)) continue;
    const subject = `${key}.${n}`;
    add({ class: cls('drift'), kind: 'constraint-added', subject, message: `${conKind(d)} added: ${d.def}`, before: null, after: d.def });
    if ((d.violations ?? 0) > 0) add({ class: cls('integrity'), kind: 'not-valid-violations', subject, message: `${d.violations} rows violate the new NOT VALID ${conKind(d)}`, before: 0, after: d.violations });
  }

  const bi = byName(b.indexes);
  const ai = byName(a.indexes);
  const constraintIndex = (i: IndexFp, cons: Map<string, ConstraintFp>) => cons.has(i.name) && ['p', 'u', 'x'].includes(cons.get(i.name)!.type);
  for (const [n, i] of bi) {
    const subject = `${key}.${n}`;
    const j = ai.get(n);
    if (!j) {
      if (constraintIndex(i, bk)) continue; // reported as constraint-lost
      if (i.unique && i.valid) add({ class: cls('integrity'), kind: 'unique-index-lost', subject, message: `unique index lost: ${i.def}`, before: i.def, after: null });
      else add({ class: cls('drift'), kind: 'index-lost', subject, message: `${i.valid ? '' : 'invalid '}index dropped: ${i.def}`, before: i.def, after: null });
      continue;
    }
    if (i.valid && !j.valid) add({ class: cls('integrity'), kind: 'index-invalid', subject, message: 'index became invalid', before: true, after: false });
    else if (!i.valid && j.valid) add({ class: cls('drift'), kind: 'index-validated', subject, message: 'index is now valid', before: false, after: true });
    if (i.def !== j.def) add({ class: cls('drift'), kind: 'index-changed', subject, message: 'index definition changed', before: i.def, after: j.def });
  }
  for (const [n, j] of ai) {
    if (bi.has(n)) continue;
    const subject = `${key}.${n}`;
    if (!j.valid) add({ class: cls('integrity'), kind: 'index-invalid', subject, message: `new invalid index: ${j.def}`, before: null, after: false });
    else add({ class: cls('drift'), kind: 'index-added', subject, message: `index added: ${j.def}`, before: null, after: j.def });
  }
}

function diffColumn(subject: string, c: ColumnFp, d: ColumnFp, lostRows: number, est: boolean, cls: (c: DiffClass) => DiffClass, add: (d: Difference) => void) {
  const estFlag = est ? { estimate: true } : {};
  if (c.nonNull !== null && d.nonNull !== null && c.nonNull !== d.nonNull) {
    const fell = c.nonNull - d.nonNull;
    if (fell > lostRows) {
      add({
        class: cls(est ? 'drift' : 'data-loss'),
        kind: 'column-values-lost',
        subject,
        message: `${fell - lostRows} non-null values lost${lostRows ? ` beyond the ${lostRows} rows gone` : ''}${d.nonNull === 0 ? ' (every value is now NULL)' : ''}`,
        before: c.nonNull,
        after: d.nonNull,
        ...estFlag,
      });
    } else if (fell < 0) add({ class: cls('drift'), kind: 'column-values-added', subject, message: `${-fell} more non-null values`, before: c.nonNull, after: d.nonNull, ...estFlag });
  }
  if (c.type !== d.type) add({ class: cls('drift'), kind: 'column-type-changed', subject, message: 'column type changed', before: c.type, after: d.type });
  if (c.notNull !== d.notNull) add({ class: cls('drift'), kind: 'column-nullability-changed', subject, message: d.notNull ? 'column is now NOT NULL' : 'column is no longer NOT NULL', before: c.notNull, after: d.notNull });
  if (c.default !== d.default) add({ class: cls('drift'), kind: 'column-default-changed', subject, message: 'column default changed', before: c.default, after: d.default });
}

function diffSequences(before: SequenceFp[], after: SequenceFp[], add: (d: Difference) => void) {
  const key = (s: SequenceFp) => `${s.schema}.${s.name}`;
  const bs = new Map(before.map((s) => [key(s), s]));
  const as = new Map(after.map((s) => [key(s), s]));
  for (const [k, s] of bs) {
    const t = as.get(k);
    if (!t) {
      add({ class: 'drift', kind: 'sequence-dropped', subject: k, message: 'sequence dropped', before: s.lastValue, after: null });
      continue;
    }
    if (t.behind && !s.behind) add({ class: 'integrity', kind: 'sequence-behind', subject: k, message: `sequence is behind max(${t.ownedBy?.column ?? 'column'}) = ${t.columnMax}: the next insert collides`, before: t.columnMax, after: t.lastValue });
    if (s.lastValue !== t.lastValue) add({ class: 'drift', kind: 'sequence-value-changed', subject: k, message: 'sequence value changed', before: s.lastValue, after: t.lastValue });
  }
  for (const [k, t] of as) {
    if (bs.has(k)) continue;
    add({ class: 'drift', kind: 'sequence-added', subject: k, message: 'sequence added', before: null, after: t.lastValue });
    if (t.behind) add({ class: 'integrity', kind: 'sequence-behind', subject: k, message: `sequence is behind max(${t.ownedBy?.column ?? 'column'}) = ${t.columnMax}`, before: null, after: t.lastValue });
  }
}

function conKind(c: ConstraintFp): string {
  return ({ p: 'primary key', u: 'unique constraint', f: 'foreign key', c: 'check constraint', x: 'exclusion constraint', t: 'constraint trigger' } as Record<string, string>)[c.type] ?? 'constraint';
}

/** Mark differences declared with --accept-data-loss. Returns the declarations that matched nothing. */
export function applyAccepted(diffs: Difference[], accepted: string[]): string[] {
  const unused = new Set(accepted);
  for (const d of diffs) {
    if (d.class !== 'data-loss' && d.class !== 'integrity') continue;
    for (const p of accepted) {
      if (d.subject === p || d.subject === `public.${p}`) {
        d.accepted = true;
        unused.delete(p);
      }
    }
  }
  return [...unused];
}

export const failing = (diffs: Difference[]) => diffs.filter((d) => (d.class === 'data-loss' || d.class === 'integrity') && !d.accepted);

/** Differences that a verify-by-restore expects, and that do not count as a mismatch. */
const VERIFY_EXPECTED = new Set(['sequence-value-changed']);

export interface VerifyComparison {
  equal: boolean;
  mismatches: Difference[];
  /** pg_dump leaves invalid indexes out; sequence values are not transactional. */
  expected: Difference[];
  /** Tables counted from statistics: their counts are not compared. */
  notCompared: string[];
}

/** Restored sandbox vs the manifest: every difference is a mismatch except the expected ones. */
export function compareForVerify(expected: Fingerprint, actual: Fingerprint): VerifyComparison {
  const diffs = diffFingerprints(expected, actual);
  const est = new Set(expected.estimatedTables);
  const mismatches: Difference[] = [];
  const exp: Difference[] = [];
  for (const d of diffs) {
    const table = d.subject.split('.').slice(0, 2).join('.');
    if (VERIFY_EXPECTED.has(d.kind)) exp.push(d);
    else if (d.kind === 'index-lost' && d.before !== null && invalidIndex(expected, d.subject)) exp.push({ ...d, message: 'invalid index: pg_dump leaves it out (rebuild it after a restore)' });
    else if (est.has(table) && ['rows-gone', 'rows-added', 'column-values-lost', 'column-values-added'].includes(d.kind)) continue;
    else mismatches.push(d);
  }
  return { equal: mismatches.length === 0, mismatches, expected: exp, notCompared: [...est] };
}

function invalidIndex(fp: Fingerprint, subject: string): boolean {
  for (const t of fp.tables) for (const i of t.indexes) if (`${tableKey(t)}.${i.name}` === subject) return !i.valid;
  return false;
}

/** Standalone integrity checks on one fingerprint (`migsafe check` without a snapshot). */
export function integrityFindings(fp: Fingerprint): Difference[] {
  const out: Difference[] = [];
  for (const t of fp.tables) {
    const key = tableKey(t);
    for (const i of t.indexes) if (!i.valid) out.push({ class: 'integrity', kind: 'index-invalid', subject: `${key}.${i.name}`, message: `invalid index (a failed CREATE INDEX CONCURRENTLY?): ${i.def}`, before: null, after: false });
    for (const c of t.constraints) {
      if (c.validated) continue;
      if ((c.violations ?? 0) > 0) out.push({ class: 'integrity', kind: 'not-valid-violations', subject: `${key}.${c.name}`, message: `${c.violations} rows violate NOT VALID ${conKind(c)}`, before: null, after: c.violations });
      else out.push({ class: 'drift', kind: 'constraint-not-validated', subject: `${key}.${c.name}`, message: `${conKind(c)} is NOT VALID (no violating rows${c.violations === null ? ' counted' : ''}): VALIDATE CONSTRAINT when convenient`, before: null, after: false });
    }
  }
  for (const s of fp.sequences) if (s.behind) out.push({ class: 'integrity', kind: 'sequence-behind', subject: `${s.schema}.${s.name}`, message: `sequence is behind max(${s.ownedBy?.column ?? 'column'}) = ${s.columnMax}: the next insert collides`, before: s.columnMax, after: s.lastValue });
  return out;
}
