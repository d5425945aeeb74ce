/** The fingerprint: what a database holds, precise enough to catch data loss that row counts miss. */
import { z } from 'zod';

export const columnSchema = z.object({
  name: z.string(),
  type: z.string(),
  notNull: z.boolean(),
  default: z.string().nullable(),
  /** count(col). Null for partitioned parents (their leaves are counted). */
  nonNull: z.number().int().nonnegative().nullable(),
});

export const constraintSchema = z.object({
  name: z.string(),
  /** p primary key, u unique, f foreign key, c check, x exclusion, t constraint trigger */
  type: z.string(),
  def: z.string(),
  validated: z.boolean(),
  /** Rows that violate a NOT VALID constraint; null when validated (zero by definition) or not countable. */
  violations: z.number().int().nonnegative().nullable(),
});

export const indexSchema = z.object({
  name: z.string(),
  def: z.string(),
  valid: z.boolean(),
  unique: z.boolean(),
  primary: z.boolean(),
});

export const tableSchema = z.object({
  schema: z.string(),
  name: z.string(),
  kind: z.enum(['table', 'partitioned']),
  /** Exact count(*) unless `estimated`. Null for partitioned parents. */
  rows: z.number().int().nonnegative().nullable(),
  /** Rows and non-null counts come from planner statistics (reltuples, pg_stats). */
  estimated: z.boolean(),
  columns: z.array(columnSchema),
  constraints: z.array(constraintSchema),
  indexes: z.array(indexSchema),
});

export const sequenceSchema = z.object({
  schema: z.string(),
  name: z.string(),
  /** Decimal strings: sequences are bigint. Null when never called (or not readable). */
  lastValue: z.string().nullable(),
  ownedBy: z.object({ table: z.string(), column: z.string() }).nullable(),
  /** max() of the owning column, as a decimal string; null when the column is empty or there is no owner. */
  columnMax: z.string().nullable(),
  /** nextval() would return a value ≤ max(column): the next insert collides. */
  behind: z.boolean(),
});

export const fingerprintSchema = z.object({
  takenAt: z.string(),
  database: z.string(),
  tables: z.array(tableSchema),
  sequences: z.array(sequenceSchema),
  extensions: z.array(z.object({ name: z.string(), version: z.string() })),
  /** Rows of alembic_version, or null when the table does not exist. */
  alembicVersion: z.array(z.string()).nullable(),
  /** Tables counted from statistics (`--estimate-rows-above`). */
  estimatedTables: z.array(z.string()),
  /** How long the fingerprint took and over how many connections. */
  stats: z.object({ durationMs: z.number(), connections: z.number().int().positive() }),
});

export type Fingerprint = z.infer<typeof fingerprintSchema>;
export type TableFp = z.infer<typeof tableSchema>;
export type ColumnFp = z.infer<typeof columnSchema>;
export type ConstraintFp = z.infer<typeof constraintSchema>;
export type IndexFp = z.infer<typeof indexSchema>;
export type SequenceFp = z.infer<typeof sequenceSchema>;

export const tableKey = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;
