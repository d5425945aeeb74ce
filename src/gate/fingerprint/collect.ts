/**
 * Compute a fingerprint over one client that is already inside the transaction whose state we
 * want (the exported snapshot). The per-table work (one scan per table: count(*), count(col) for
 * every column, max() of sequence-owned columns; NOT VALID violation counts) can be spread over
 * extra worker connections that imported the same snapshot.
 */
import type { Client } from 'pg';
import type { ConstraintFp, Fingerprint, SequenceFp, TableFp } from './schema.js';
import { tableKey } from './schema.js';

export const qi = (s: string) => `"${s.replace(/"/g, '""')}"`;
export const qname = (schema: string, name: string) => `${qi(schema)}.${qi(name)}`;

export interface CollectOptions {
  /** Tables whose planner estimate is above this many rows are counted from statistics. */
  estimateRowsAbove?: number;
  /** Extra connections (already in the same snapshot) to spread table scans over. */
  workers?: Client[];
  now?: () => Date;
}

const SYSTEM_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;
const NOT_EXTENSION_MEMBER = `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`;

interface TableRow {
  oid: number;
  schema: string;
  name: string;
  relkind: string;
  reltuples: number;
  relpages: number;
}

type Job = { weight: number; run: (c: Client) => Promise<void> };

export async function collectFingerprint(client: Client, opts: CollectOptions = {}): Promise<Fingerprint> {
  const started = performance.now();
  const now = opts.now ?? (() => new Date());
  const db = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
  const tablesQ = await client.query<TableRow>(
    `SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS relkind, c.reltuples::float8 AS reltuples, c.relpages::int AS relpages
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND c.relpersistence <> 't' AND ${SYSTEM_SCHEMAS} AND ${NOT_EXTENSION_MEMBER}
      ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"`,
  );
  const oids = tablesQ.rows.map((t) => t.oid);
  // One client runs one query at a time; these catalog reads are quick.
  const [colsQ, consQ, idxQ, seqQ, extQ] = await sequential([
    () => client.query(
      `SELECT a.attrelid::int AS rel, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
              pg_get_expr(d.adbin, d.adrelid) AS def
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum`,
      [oids],
    ),
    () => client.query(
      `SELECT co.conrelid::int AS rel, co.conname AS name, co.contype::text AS type, co.convalidated AS validated, pg_get_constraintdef(co.oid) AS def,
              pg_get_expr(co.conbin, co.conrelid) AS checkexpr,
              (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(co.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n) AS cols,
              (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(co.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.n) AS refcols,
              rn.nspname AS refschema, rc.relname AS reftable
         FROM pg_constraint co
         LEFT JOIN pg_class rc ON rc.oid = co.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE co.conrelid = ANY($1::oid[])
        ORDER BY co.conrelid, co.conname COLLATE "C"`,
      [oids],
    ),
    () => client.query(
      `SELECT i.indrelid::int AS rel, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def, i.indisvalid AS valid, i.indisunique AS uniq, i.indisprimary AS prim
         FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = ANY($1::oid[])
        ORDER BY i.indrelid, ic.relname COLLATE "C"`,
      [oids],
    ),
    () => client.query(
      `SELECT n.nspname AS schema, c.relname AS name, s.last_value::text AS last, s.start_value::text AS start, s.increment_by::text AS inc,
              tn.nspname AS tschema, tc.relname AS tname, tc.oid::int AS toid, a.attname AS col
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_sequences s ON s.schemaname = n.nspname AND s.sequencename = c.relname
         LEFT JOIN pg_depend dep ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i') AND dep.refobjsubid > 0
         LEFT JOIN pg_class tc ON tc.oid = dep.refobjid LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
         LEFT JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
        WHERE c.relkind = 'S' AND ${SYSTEM_SCHEMAS} AND ${NOT_EXTENSION_MEMBER}
        ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"`,
    ),
    () => client.query(`SELECT extname AS name, extversion AS version FROM pg_extension ORDER BY extname COLLATE "C"`),
  ]);

  const byOid = new Map<number, TableFp>();
  const tables: TableFp[] = [];
  const estimated: string[] = [];
  const rowOf = new Map<number, TableRow>();
  for (const t of tablesQ.rows) {
    const fp: TableFp = { schema: t.schema, name: t.name, kind: t.relkind === 'p' ? 'partitioned' : 'table', rows: null, estimated: false, columns: [], constraints: [], indexes: [] };
    byOid.set(t.oid, fp);
    rowOf.set(t.oid, t);
    tables.push(fp);
  }
  for (const c of colsQ.rows) byOid.get(c.rel)?.columns.push({ name: c.name, type: c.type, notNull: c.notnull, default: c.def, nonNull: null });
  const notValid: { table: TableRow; con: ConstraintFp; row: any }[] = [];
  for (const c of consQ.rows) {
    const fp = byOid.get(c.rel);
    if (!fp) continue;
    const con: ConstraintFp = { name: c.name, type: c.type, def: c.def, validated: c.validated, violations: null };
    fp.constraints.push(con);
    if (!c.validated && (c.type === 'c' || c.type === 'f')) notValid.push({ table: rowOf.get(c.rel)!, con, row: c });
  }
  for (const i of idxQ.rows) byOid.get(i.rel)?.indexes.push({ name: i.name, def: i.def, valid: i.valid, unique: i.uniq, primary: i.prim });

  // Sequences: which owning columns need max().
  const sequences: SequenceFp[] = [];
  const seqMeta = new Map<SequenceFp, { start: string | null; inc: string | null }>();
  const maxWanted = new Map<number, Map<string, SequenceFp[]>>();
  for (const s of seqQ.rows) {
    const fp: SequenceFp = {
      schema: s.schema,
      name: s.name,
      lastValue: s.last,
      ownedBy: s.tname ? { table: `${s.tschema}.${s.tname}`, column: s.col } : null,
      columnMax: null,
      behind: false,
    };
    sequences.push(fp);
    seqMeta.set(fp, { start: s.start, inc: s.inc });
    if (s.toid && byOid.has(s.toid)) {
      let m = maxWanted.get(s.toid);
      if (!m) maxWanted.set(s.toid, (m = new Map()));
      const list = m.get(s.col) ?? [];
      list.push(fp);
      m.set(s.col, list);
    }
  }

  // Per-table scans.
  const jobs: Job[] = [];
  for (const t of tablesQ.rows) {
    const fp = byOid.get(t.oid)!;
    const maxCols = [...(maxWanted.get(t.oid)?.keys() ?? [])];
    const setMax = (col: string, v: string | null) => {
      for (const s of maxWanted.get(t.oid)?.get(col) ?? []) s.columnMax = v;
    };
    const rel = qname(t.schema, t.name);
    if (fp.kind === 'partitioned') {
      if (maxCols.length)
        jobs.push({
          weight: 1,
          run: async (c) => {
            const r = await c.query(`SELECT ${maxCols.map((m, i) => `max(${qi(m)})::text AS m${i}`).join(', ')} FROM ${rel}`);
            maxCols.forEach((m, i) => setMax(m, r.rows[0][`m${i}`]));
          },
        });
      continue;
    }
    const estimate = opts.estimateRowsAbove !== undefined && t.reltuples > opts.estimateRowsAbove;
    if (estimate) {
      fp.estimated = true;
      estimated.push(tableKey(fp));
      jobs.push({
        weight: 1,
        run: async (c) => {
          const st = await c.query(`SELECT attname, null_frac::float8 AS nf FROM pg_stats WHERE schemaname = $1 AND tablename = $2`, [t.schema, t.name]);
          const nf = new Map(st.rows.map((r) => [r.attname as string, r.nf as number]));
          fp.rows = Math.max(0, Math.round(t.reltuples));
          for (const col of fp.columns) col.nonNull = nf.has(col.name) ? Math.round(fp.rows * (1 - nf.get(col.name)!)) : null;
          if (maxCols.length) {
            const r = await c.query(`SELECT ${maxCols.map((m, i) => `max(${qi(m)})::text AS m${i}`).join(', ')} FROM ONLY ${rel}`);
            maxCols.forEach((m, i) => setMax(m, r.rows[0][`m${i}`]));
          }
        },
      });
      continue;
    }
    const sel = ['count(*)::int8 AS n', ...fp.columns.map((col, i) => `count(${qi(col.name)})::int8 AS c${i}`), ...maxCols.map((m, i) => `max(${qi(m)})::text AS m${i}`)];
    jobs.push({
      weight: Math.max(1, t.relpages) * Math.max(1, fp.columns.length),
      run: async (c) => {
        const r = (await c.query(`SELECT ${sel.join(', ')} FROM ONLY ${rel}`)).rows[0];
        fp.rows = Number(r.n);
        fp.columns.forEach((col, i) => (col.nonNull = Number(r[`c${i}`])));
        maxCols.forEach((m, i) => setMax(m, r[`m${i}`]));
      },
    });
  }
  for (const nv of notValid) {
    const rel = qname(nv.table.schema, nv.table.name);
    let sql: string | null = null;
    if (nv.con.type === 'c' && nv.row.checkexpr) sql = `SELECT count(*)::int8 AS n FROM ONLY ${rel} WHERE NOT (${nv.row.checkexpr})`;
    if (nv.con.type === 'f' && nv.row.cols && nv.row.refcols && nv.row.reftable) {
      const cols: string[] = nv.row.cols;
      const refs: string[] = nv.row.refcols;
      const notNull = cols.map((c) => `t.${qi(c)} IS NOT NULL`).join(' AND ');
      const match = cols.map((c, i) => `r.${qi(refs[i]!)} = t.${qi(c)}`).join(' AND ');
      sql = `SELECT count(*)::int8 AS n FROM ONLY ${rel} t WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${qname(nv.row.refschema, nv.row.reftable)} r WHERE ${match})`;
    }
    if (sql) {
      const q = sql;
      jobs.push({ weight: Math.max(1, nv.table.relpages), run: async (c) => void (nv.con.violations = Number((await c.query(q)).rows[0].n)) });
    }
  }

  // alembic_version (any schema; normally public).
  let alembicVersion: string[] | null = null;
  const alembicTables = tablesQ.rows.filter((t) => t.name === 'alembic_version' && t.relkind === 'r');
  if (alembicTables.length) {
    const t = alembicTables.find((x) => x.schema === 'public') ?? alembicTables[0]!;
    jobs.push({
      weight: 1,
      run: async (c) => {
        const r = await c.query(`SELECT version_num::text AS v FROM ${qname(t.schema, t.name)} ORDER BY 1`);
        alembicVersion = r.rows.map((x) => x.v as string);
      },
    });
  }

  // Biggest first, over every connection.
  jobs.sort((a, b) => b.weight - a.weight);
  const conns = [client, ...(opts.workers ?? [])];
  let next = 0;
  await Promise.all(
    conns.map(async (c) => {
      while (next < jobs.length) await jobs[next++]!.run(c);
    }),
  );

  for (const s of sequences) s.behind = sequenceBehind(s, seqMeta.get(s)?.start ?? null, seqMeta.get(s)?.inc ?? null);
  return {
    takenAt: now().toISOString(),
    database: db,
    tables,
    sequences,
    extensions: extQ.rows.map((r) => ({ name: r.name, version: r.version })),
    alembicVersion,
    estimatedTables: estimated,
    stats: { durationMs: Math.round(performance.now() - started), connections: conns.length },
  };
}

/**
 * The next nextval() is ≤ max(column), so the next insert that takes a default id collides.
 * pg_sequences.last_value is null before the first nextval(): then the next value is the start.
 * Descending sequences are not judged.
 */
export function sequenceBehind(s: Pick<SequenceFp, 'lastValue' | 'columnMax'>, start: string | null, inc: string | null): boolean {
  if (s.columnMax === null || !/^-?\d+$/.test(s.columnMax)) return false;
  const step = inc && /^-?\d+$/.test(inc) ? BigInt(inc) : 1n;
  if (step <= 0n) return false;
  const max = BigInt(s.columnMax);
  const next = s.lastValue === null ? (start && /^-?\d+$/.test(start) ? BigInt(start) : 1n) : BigInt(s.lastValue) + step;
  return next <= max;
}

async function sequential<T extends readonly (() => Promise<unknown>)[]>(fns: T): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: unknown[] = [];
  for (const f of fns) out.push(await f());
  return out as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
