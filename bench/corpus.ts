/**
 * Deterministic synthetic corpora for the benchmark.
 *
 * Every generator is a pure function of its options (the seed above all): the same options always
 * produce byte-identical files, and the manifest records a sha256 over all of them so a run can
 * prove it measured the same input as the last one. Generators write into their own directory
 * under bench/.corpus/ (gitignored) and return a `Corpus` that the runner measures. A second
 * generator (e.g. Alembic) sits beside `generateSqlCorpus` and returns the same shape.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What every corpus generator returns: enough for the runner to measure and report it. */
export interface Corpus {
  /** Section name, e.g. "sql" (also the `--only` key and the directory name). */
  name: string;
  /** Directory holding the files (absolute). */
  dir: string;
  /** File names relative to `dir`, sorted. */
  files: string[];
  /** Total size in bytes (UTF-8). */
  bytes: number;
  /** Top-level statements (SQL) or operations (Alembic) the generator wrote. */
  units: number;
  /** What `units` counts, for the report. */
  unitName: string;
  /** sha256 over every file name and content, in order. */
  sha256: string;
  /** Files that deliberately contain a syntax error. */
  brokenFiles: number;
  /** Size of the largest file in bytes. */
  largestFile: number;
  /** Generator options that produced it (seed, counts). */
  options: Record<string, unknown>;
  /** True when an existing corpus with the same options and version was reused. */
  reused: boolean;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32): tiny, fast, and identical on every platform.

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** Pick by weight: `[[weight, value], …]`. */
  weighted<T>(xs: readonly (readonly [number, T])[]): T {
    let total = 0;
    for (const [w] of xs) total += w;
    let r = this.next() * total;
    for (const [w, v] of xs) {
      r -= w;
      if (r < 0) return v;
    }
    return xs[xs.length - 1]![1];
  }
}

// ---------------------------------------------------------------------------------------------
// The SQL corpus

export interface SqlCorpusOptions {
  /** Output directory; it is emptied and rewritten unless the manifest matches. */
  dir: string;
  seed?: number;
  files?: number;
  /** Total top-level statements across all files (exact). */
  statements?: number;
  /** Files of about 100 KB (initial schemas, seed data, batched backfills). */
  largeFiles?: number;
  /** Files with one deliberate syntax error (real corpora have ~0.2 %). */
  brokenFiles?: number;
  /** Regenerate even when the manifest matches. */
  force?: boolean;
}

/** Bump when the generator's output changes, so cached corpora are rebuilt. */
export const SQL_GENERATOR_VERSION = 3;

const NOUNS = [
  'users', 'accounts', 'organizations', 'memberships', 'projects', 'tasks', 'comments', 'orders', 'order_items',
  'invoices', 'payments', 'refunds', 'subscriptions', 'plans', 'products', 'product_variants', 'inventory',
  'warehouses', 'shipments', 'addresses', 'sessions', 'api_keys', 'webhooks', 'webhook_deliveries', 'events',
  'audit_log', 'notifications', 'messages', 'threads', 'attachments', 'tags', 'taggings', 'feature_flags',
  'experiments', 'reports', 'dashboards', 'widgets', 'teams', 'invitations', 'roles', 'permissions',
  'role_permissions', 'posts', 'post_votes', 'communities', 'community_moderators', 'federation_queue',
  'workflow_runs', 'step_runs', 'job_queue', 'workers', 'tenants', 'identities', 'credentials', 'recovery_codes',
  'courier_messages', 'documents', 'recipients', 'signatures', 'templates', 'executions', 'history_nodes',
  'timer_tasks', 'shards', 'namespaces', 'storage_objects', 'buckets', 'realtime_subscriptions', 'room_memberships',
  'device_keys', 'push_rules', 'media_repository', 'stream_positions', 'receipts',
];
const SCHEMAS = ['public', 'public', 'public', 'public', 'app', 'billing', 'auth', 'storage'];
const COLUMN_WORDS = [
  'name', 'title', 'slug', 'email', 'status', 'state', 'kind', 'description', 'body', 'amount_cents', 'currency',
  'quantity', 'price', 'external_id', 'owner_id', 'parent_id', 'tenant_id', 'created_by', 'updated_by',
  'started_at', 'finished_at', 'expires_at', 'deleted_at', 'archived', 'is_active', 'priority', 'position',
  'metadata', 'settings', 'payload', 'attempts', 'last_error', 'locale', 'timezone', 'country_code', 'phone',
  'display_name', 'avatar_url', 'score', 'rank', 'version', 'checksum', 'size_bytes', 'content_type',
  'retry_count', 'visibility', 'nonce', 'signature', 'ip_address', 'user_agent', 'notes', 'label', 'color',
];
const COL_TYPES: (readonly [number, string])[] = [
  [10, 'text'], [5, 'varchar(255)'], [2, 'varchar(64)'], [7, 'integer'], [8, 'bigint'], [5, 'boolean'],
  [8, 'timestamptz'], [2, 'timestamp'], [5, 'jsonb'], [1, 'json'], [3, 'numeric(12,2)'], [3, 'uuid'],
  [1, 'smallint'], [1, 'inet'], [1, 'text[]'], [1, 'date'], [1, 'char(2)'], [1, 'double precision'], [1, 'bytea'],
];
const REASONS = [
  'table is empty in every environment', 'column unused since release 2.14, code removed in #4812',
  'runs in the maintenance window with traffic drained', 'table has < 1k rows, lock is sub-millisecond',
  'backfill is batched by the job runner, not this migration', 'approved by DBA review OPS-2211',
  'new table created in the previous release, no readers yet',
];
const NON_ASCII = [
  'Zeitpunkt der letzten Änderung', 'Identifiant de l’organisation', 'Número de pedido — único por cliente',
  '注文の状態', 'Статус платежа', 'Preis in Cent (€)', 'emoji-safe display name ✓',
];

interface Table {
  name: string;
  cols: { name: string; type: string }[];
}

/** Statement generators share this per-corpus state (deterministic given the seed). */
class SqlWriter {
  readonly tables: Table[] = [];
  private counter = 0;
  constructor(readonly rng: Rng) {
    for (const noun of NOUNS) {
      const schema = rng.pick(SCHEMAS);
      const name = schema === 'public' ? noun : `${schema}.${noun}`;
      const n = rng.int(6, 24);
      const cols: Table['cols'] = [];
      const used = new Set<string>();
      for (let i = 0; i < n; i++) {
        const c = rng.pick(COLUMN_WORDS);
        if (used.has(c)) continue;
        used.add(c);
        cols.push({ name: c, type: rng.weighted(COL_TYPES) });
      }
      this.tables.push({ name, cols });
    }
  }

  uid(): number {
    return ++this.counter;
  }
  table(): Table {
    return this.rng.pick(this.tables);
  }
  col(t: Table): { name: string; type: string } {
    return this.rng.pick(t.cols);
  }
  short(t: Table): string {
    return t.name.split('.').pop()!;
  }
  newCol(): string {
    return `${this.rng.pick(COLUMN_WORDS)}_${this.rng.pick(['v2', 'new', 'tmp', 'normalized', 'hash', 'ref', 'lower', 'count'])}${this.rng.chance(0.3) ? `_${this.uid()}` : ''}`;
  }

  columnDef(name: string, type: string): string {
    const r = this.rng;
    const parts = [`    ${name} ${type}`];
    if (type === 'boolean' && r.chance(0.7)) parts.push(`NOT NULL DEFAULT ${r.pick(['false', 'true'])}`);
    else if (type === 'timestamptz' && r.chance(0.5)) parts.push('NOT NULL DEFAULT now()');
    else if (type === 'jsonb' && r.chance(0.6)) parts.push(`NOT NULL DEFAULT '{}'::jsonb`);
    else if ((type === 'integer' || type === 'bigint') && name.endsWith('_id') && r.chance(0.7)) {
      parts.push(`REFERENCES ${this.table().name} (id)${r.chance(0.5) ? ` ON DELETE ${r.pick(['CASCADE', 'SET NULL', 'RESTRICT'])}` : ''}`);
    } else if (r.chance(0.25)) parts.push('NOT NULL');
    if ((type === 'integer' || type.startsWith('numeric')) && r.chance(0.2)) parts.push(`CHECK (${name} >= 0)`);
    if ((name === 'slug' || name === 'email' || name === 'external_id') && r.chance(0.5)) parts.push('UNIQUE');
    return parts.join(' ');
  }

  createTable(big = false): string {
    const r = this.rng;
    const t = this.table();
    const name = `${t.name}${r.chance(0.5) ? '' : `_${r.pick(['archive', 'history', 'v2', 'staging', 'snapshots', 'rollup'])}_${this.uid()}`}`;
    const lines: string[] = [];
    lines.push(r.weighted([
      [5, '    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY'],
      [3, '    id bigserial PRIMARY KEY'],
      [3, '    id uuid PRIMARY KEY DEFAULT gen_random_uuid()'],
      [1, '    id serial PRIMARY KEY'],
    ] as const));
    const ncols = big ? r.int(25, 60) : r.int(4, 18);
    const used = new Set<string>(['id']);
    for (let i = 0; i < ncols; i++) {
      let c = r.pick(COLUMN_WORDS);
      if (used.has(c)) c = `${c}_${i}`;
      used.add(c);
      lines.push(this.columnDef(c, r.weighted(COL_TYPES)));
    }
    lines.push('    created_at timestamptz NOT NULL DEFAULT now()');
    lines.push('    updated_at timestamptz NOT NULL DEFAULT now()');
    const ref = this.table();
    if (r.chance(0.5)) lines.push(`    CONSTRAINT ${this.short(t)}_${this.uid()}_owner_fk FOREIGN KEY (owner_id) REFERENCES ${ref.name} (id) ON DELETE CASCADE`);
    if (r.chance(0.4)) lines.push(`    CONSTRAINT ${this.short(t)}_${this.uid()}_key UNIQUE (tenant_id, slug)`);
    if (r.chance(0.3)) lines.push(`    CONSTRAINT ${this.short(t)}_${this.uid()}_dates_check CHECK (updated_at >= created_at)`);
    const ine = r.chance(0.3) ? 'IF NOT EXISTS ' : '';
    const part = r.chance(0.05) ? ' PARTITION BY RANGE (created_at)' : '';
    return `CREATE TABLE ${ine}${name} (\n${lines.join(',\n')}\n)${part};`;
  }

  addColumn(): string {
    const r = this.rng;
    const t = this.table();
    const c = this.newCol();
    const kind = r.weighted([
      [6, 'nullable'], [3, 'notnull-const'], [2, 'volatile'], [1, 'notnull-nodefault'], [1, 'fk'], [1, 'stable'],
    ] as const);
    const ine = r.chance(0.2) ? 'IF NOT EXISTS ' : '';
    const type = r.weighted(COL_TYPES);
    switch (kind) {
      case 'nullable':
        return `ALTER TABLE ${t.name} ADD COLUMN ${ine}${c} ${type};`;
      case 'notnull-const': {
        const def = type === 'boolean' ? 'false' : type.includes('int') || type.startsWith('numeric') ? '0' : type === 'jsonb' ? `'[]'::jsonb` : `'${r.pick(['pending', 'active', 'none', 'en'])}'`;
        return `ALTER TABLE ${t.name} ADD COLUMN ${ine}${c} ${type === 'boolean' || type.includes('int') || type === 'jsonb' || type.startsWith('numeric') ? type : 'text'} NOT NULL DEFAULT ${def};`;
      }
      case 'volatile':
        return r.weighted([
          [3, `ALTER TABLE ${t.name} ADD COLUMN ${ine}${c} uuid NOT NULL DEFAULT gen_random_uuid();`],
          [2, `ALTER TABLE ${t.name} ADD COLUMN ${ine}${c} timestamptz DEFAULT clock_timestamp();`],
          [1, `ALTER TABLE ${t.name} ADD COLUMN ${ine}${c} double precision DEFAULT random();`],
          [1, `ALTER TABLE ${t.name} ADD COLUMN ${ine}${c} bigint DEFAULT nextval('${this.short(t)}_seq');`],
        ] as const);
      case 'notnull-nodefault':
        return `ALTER TABLE ${t.name} ADD COLUMN ${ine}${c} ${type} NOT NULL;`;
      case 'fk':
        return `ALTER TABLE ${t.name} ADD COLUMN ${ine}${c.replace(/_[a-z0-9]+$/, '')}_ref_id bigint REFERENCES ${this.table().name} (id);`;
      case 'stable':
        return `ALTER TABLE ${t.name} ADD COLUMN ${ine}${c} timestamptz NOT NULL DEFAULT now();`;
    }
  }

  createIndex(concurrentBias = 0.45): string {
    const r = this.rng;
    const t = this.table();
    const c = this.col(t);
    const conc = r.chance(concurrentBias) ? 'CONCURRENTLY ' : '';
    const uniq = r.chance(0.15) ? 'UNIQUE ' : '';
    const ine = r.chance(0.3) ? 'IF NOT EXISTS ' : '';
    const name = `${this.short(t)}_${c.name}_${this.uid()}_idx`;
    const shape = r.weighted([[6, 'plain'], [2, 'multi'], [1, 'partial'], [1, 'expr'], [1, 'gin']] as const);
    switch (shape) {
      case 'plain':
        return `CREATE ${uniq}INDEX ${conc}${ine}${name} ON ${t.name} (${c.name});`;
      case 'multi':
        return `CREATE ${uniq}INDEX ${conc}${ine}${name} ON ${t.name} (${c.name}, ${this.col(t).name} DESC);`;
      case 'partial':
        return `CREATE ${uniq}INDEX ${conc}${ine}${name} ON ${t.name} (${c.name}) WHERE deleted_at IS NULL;`;
      case 'expr':
        return `CREATE ${uniq}INDEX ${conc}${ine}${name} ON ${t.name} (lower(${c.name}::text));`;
      case 'gin':
        return `CREATE INDEX ${conc}${ine}${name} ON ${t.name} USING gin (${c.name});`;
    }
  }

  dropIndex(): string {
    const t = this.table();
    return `DROP INDEX ${this.rng.chance(0.5) ? 'CONCURRENTLY ' : ''}${this.rng.chance(0.6) ? 'IF EXISTS ' : ''}${this.short(t)}_${this.col(t).name}_idx;`;
  }

  /** ADD CONSTRAINT … NOT VALID, usually followed by VALIDATE CONSTRAINT: returns 1 or 2 statements. */
  addConstraint(): string[] {
    const r = this.rng;
    const t = this.table();
    const c = this.col(t);
    const name = `${this.short(t)}_${c.name}_${this.uid()}`;
    const kind = r.weighted([[4, 'fk'], [3, 'check'], [1, 'unique'], [1, 'unique-using']] as const);
    if (kind === 'unique') return [`ALTER TABLE ${t.name} ADD CONSTRAINT ${name}_key UNIQUE (${c.name});`];
    if (kind === 'unique-using') return [`ALTER TABLE ${t.name} ADD CONSTRAINT ${name}_key UNIQUE USING INDEX ${name}_idx;`];
    const notValid = r.chance(0.7);
    const def = kind === 'fk'
      ? `FOREIGN KEY (${c.name}) REFERENCES ${this.table().name} (id)${r.chance(0.4) ? ' ON DELETE CASCADE' : ''}`
      : `CHECK (${c.name} IS NOT NULL)`;
    const cname = `${name}_${kind === 'fk' ? 'fk' : 'check'}`;
    const out = [`ALTER TABLE ${t.name} ADD CONSTRAINT ${cname} ${def}${notValid ? ' NOT VALID' : ''};`];
    if (notValid && r.chance(0.75)) out.push(`ALTER TABLE ${t.name} VALIDATE CONSTRAINT ${cname};`);
    return out;
  }

  alterType(): string {
    const r = this.rng;
    const t = this.table();
    const c = this.col(t);
    return r.weighted([
      [3, `ALTER TABLE ${t.name} ALTER COLUMN ${c.name} TYPE bigint USING ${c.name}::bigint;`],
      [2, `ALTER TABLE ${t.name} ALTER COLUMN ${c.name} TYPE text;`],
      [2, `ALTER TABLE ${t.name} ALTER COLUMN ${c.name} TYPE varchar(512);`],
      [2, `ALTER TABLE ${t.name} ALTER COLUMN ${c.name} TYPE jsonb USING ${c.name}::jsonb;`],
      [1, `ALTER TABLE ${t.name} ALTER COLUMN ${c.name} SET DATA TYPE timestamptz USING ${c.name} AT TIME ZONE 'UTC';`],
      [1, `ALTER TABLE ${t.name} ALTER COLUMN ${c.name} TYPE numeric(14,4) USING round(${c.name}::numeric, 4);`],
    ] as const);
  }

  setNotNull(): string {
    const t = this.table();
    return `ALTER TABLE ${t.name} ALTER COLUMN ${this.col(t).name} SET NOT NULL;`;
  }

  misc(): string {
    const r = this.rng;
    const t = this.table();
    const c = this.col(t);
    return r.weighted([
      [3, `ALTER TABLE ${t.name} ALTER COLUMN ${c.name} SET DEFAULT ${c.type === 'boolean' ? 'false' : "''"};`],
      [2, `ALTER TABLE ${t.name} ALTER COLUMN ${c.name} DROP DEFAULT;`],
      [2, `ALTER TABLE ${t.name} ALTER COLUMN ${c.name} DROP NOT NULL;`],
      [2, `ALTER TABLE ${t.name} RENAME COLUMN ${c.name} TO ${c.name}_old;`],
      [1, `ALTER TABLE ${t.name} RENAME TO ${this.short(t)}_legacy_${this.uid()};`],
      [3, `ALTER TABLE ${t.name} DROP COLUMN ${r.chance(0.5) ? 'IF EXISTS ' : ''}${c.name};`],
      [1, `ALTER TABLE ${t.name} DROP CONSTRAINT IF EXISTS ${this.short(t)}_${c.name}_check;`],
      [1, `DROP TABLE IF EXISTS ${t.name}_backup_${this.uid()};`],
      [2, `COMMENT ON COLUMN ${t.name}.${c.name} IS '${r.chance(0.3) ? r.pick(NON_ASCII) : `The ${c.name.replace(/_/g, ' ')} of the ${this.short(t).replace(/_/g, ' ')}`}';`],
      [1, `COMMENT ON TABLE ${t.name} IS 'Owned by the ${r.pick(['billing', 'identity', 'platform', 'growth'])} team';`],
      [1, `ANALYZE ${t.name};`],
      [1, `ALTER TYPE ${this.short(t)}_status ADD VALUE IF NOT EXISTS '${r.pick(['archived', 'failed', 'refunded', 'paused'])}';`],
      [1, `CREATE TYPE ${this.short(t)}_kind_${this.uid()} AS ENUM ('a', 'b', 'c');`],
      [1, `GRANT SELECT, INSERT, UPDATE ON ${t.name} TO app_rw;`],
      [1, `CREATE OR REPLACE VIEW ${this.short(t)}_active AS SELECT * FROM ${t.name} WHERE deleted_at IS NULL;`],
      [1, `CREATE EXTENSION IF NOT EXISTS ${r.pick(['pgcrypto', 'pg_trgm', 'citext', '"uuid-ossp"', 'btree_gist'])};`],
    ] as const);
  }

  backfill(): string {
    const r = this.rng;
    const t = this.table();
    const c = this.col(t);
    const lo = r.int(0, 500) * 10000;
    return r.weighted([
      [5, `UPDATE ${t.name} SET ${c.name} = ${this.fillValue(c.type, c.name)} WHERE id >= ${lo} AND id < ${lo + 10000};`],
      [2, `UPDATE ${t.name} SET ${c.name} = ${this.fillValue(c.type, c.name)} WHERE ${c.name} IS NULL;`],
      [1, `UPDATE ${t.name} SET ${c.name} = ${this.fillValue(c.type, c.name)};`],
      [1, `DELETE FROM ${t.name} WHERE created_at < now() - interval '${r.int(30, 720)} days';`],
      [1, `INSERT INTO ${t.name} (name, created_at) VALUES ('${r.pick(COLUMN_WORDS)}', now()), ('${r.pick(COLUMN_WORDS)}', now());`],
    ] as const);
  }

  fillValue(type: string, name: string): string {
    if (type === 'boolean') return 'false';
    if (type.includes('int') || type.startsWith('numeric') || type === 'double precision') return `coalesce(${name}, 0)`;
    if (type === 'jsonb' || type === 'json') return `'{}'::${type}`;
    if (type.startsWith('timestamp') || type === 'date') return 'now()';
    if (type === 'uuid') return 'gen_random_uuid()';
    return `lower(${name}::text)`;
  }

  doBlock(): string {
    const r = this.rng;
    const t = this.table();
    const c = this.col(t);
    const shape = r.weighted([[3, 'batched'], [2, 'enum'], [2, 'guarded-constraint'], [1, 'dynamic']] as const);
    switch (shape) {
      case 'batched':
        return `DO $$\nDECLARE\n  batch_size integer := ${r.pick([1000, 5000, 10000, 50000])};\n  max_id bigint;\n  cur bigint := 0;\nBEGIN\n  SELECT coalesce(max(id), 0) INTO max_id FROM ${t.name};\n  WHILE cur <= max_id LOOP\n    UPDATE ${t.name} SET ${c.name} = ${this.fillValue(c.type, c.name)}\n     WHERE id > cur AND id <= cur + batch_size;\n    cur := cur + batch_size;\n  END LOOP;\nEND\n$$;`;
      case 'enum':
        return `DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = '${this.short(t)}_state_${this.uid()}') THEN\n    CREATE TYPE ${this.short(t)}_state AS ENUM ('pending', 'active', 'disabled');\n  END IF;\nEND\n$$;`;
      case 'guarded-constraint':
        return `DO $$ BEGIN\n  ALTER TABLE ${t.name} ADD CONSTRAINT ${this.short(t)}_${c.name}_${this.uid()}_fk FOREIGN KEY (${c.name}) REFERENCES ${this.table().name} (id) NOT VALID;\nEXCEPTION\n  WHEN duplicate_object THEN NULL;\nEND $$;`;
      case 'dynamic':
        return `DO $body$\nDECLARE\n  r record;\nBEGIN\n  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE '${this.short(t)}_p%' LOOP\n    EXECUTE format('ALTER TABLE %I ALTER COLUMN ${c.name} DROP NOT NULL', r.tablename);\n  END LOOP;\n  RAISE NOTICE 'done: %', now();\nEND\n$body$;`;
    }
  }

  triggerFunction(): string[] {
    const t = this.table();
    const fn = `${this.short(t)}_touch_${this.uid()}`;
    return [
      `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger\nLANGUAGE plpgsql AS $$\nBEGIN\n  NEW.updated_at := now();\n  IF NEW.status IS DISTINCT FROM OLD.status THEN\n    INSERT INTO audit_log (table_name, row_id, changed_at) VALUES (TG_TABLE_NAME, NEW.id, now());\n  END IF;\n  RETURN NEW;\nEND;\n$$;`,
      `CREATE TRIGGER ${fn}_trg BEFORE UPDATE ON ${t.name}\n  FOR EACH ROW EXECUTE FUNCTION ${fn}();`,
    ];
  }

  seedInsert(rows: number): string {
    const r = this.rng;
    const t = this.table();
    const vals: string[] = [];
    for (let i = 0; i < rows; i++) {
      vals.push(`    (${this.uid()}, '${r.pick(COLUMN_WORDS)}-${r.int(1, 99999)}', '${r.pick(['pending', 'active', 'disabled', 'archived'])}', ${r.int(0, 100000)}, '${r.pick(['{}', '{"a": 1}', '{"tags": ["x", "y"]}'])}'::jsonb, now())`);
    }
    return `INSERT INTO ${t.name} (id, name, status, score, metadata, created_at) VALUES\n${vals.join(',\n')}\nON CONFLICT (id) DO NOTHING;`;
  }

  /** One body statement (or a short run of related ones) by overall frequency. */
  body(): string[] {
    const r = this.rng;
    const kind = r.weighted([
      [10, 'add_column'], [9, 'create_index'], [6, 'create_table'], [6, 'constraint'], [4, 'alter_type'],
      [5, 'set_not_null'], [12, 'misc'], [8, 'backfill'], [3, 'do'], [1, 'trigger'], [2, 'drop_index'],
    ] as const);
    switch (kind) {
      case 'add_column': return [this.addColumn()];
      case 'create_index': return [this.createIndex()];
      case 'create_table': return [this.createTable()];
      case 'constraint': return this.addConstraint();
      case 'alter_type': return [this.alterType()];
      case 'set_not_null': return [this.setNotNull()];
      case 'misc': return [this.misc()];
      case 'backfill': return [this.backfill()];
      case 'do': return [this.doBlock()];
      case 'trigger': return this.triggerFunction();
      case 'drop_index': return [this.dropIndex()];
    }
  }
}

/** A deliberately broken statement (typo'd keyword, missing comma, unterminated paren). */
function brokenStatement(w: SqlWriter, variant: number): string {
  const t = w.table();
  const variants = [
    `ALTER TABLE ${t.name} ADD COLUM ${w.newCol()} text;`,
    `CREATE TABLE ${t.name}_broken_${w.uid()} (\n    id bigint PRIMARY KEY\n    name text NOT NULL\n);`,
    `CREATE INDEX ${w.short(t)}_broken_idx ON ${t.name} (${w.col(t).name};`,
    `UPDATE ${t.name} SET WHERE id = 1;`,
  ];
  return variants[variant % variants.length]!;
}

interface FilePlan {
  name: string;
  statements: number;
  large: boolean;
  broken: boolean;
}

const SLUG_VERBS = ['add', 'create', 'drop', 'rename', 'backfill', 'index', 'alter', 'validate', 'fix', 'remove', 'update'];

/**
 * Generate the SQL corpus: `files` migrations holding exactly `statements` top-level statements.
 * Most files are small (1–6 statements), a tail is medium (20–80) and `largeFiles` are ~100 KB.
 */
export function generateSqlCorpus(options: SqlCorpusOptions): Corpus {
  const opts = {
    seed: options.seed ?? 20240611,
    files: options.files ?? 2000,
    statements: options.statements ?? 10000,
    largeFiles: options.largeFiles ?? 8,
    brokenFiles: options.brokenFiles ?? 5,
    version: SQL_GENERATOR_VERSION,
  };
  const dir = options.dir;
  const manifestPath = join(dir, '..', 'sql.manifest.json');
  if (!options.force && existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Corpus;
      if (JSON.stringify(m.options) === JSON.stringify(opts) && m.files.every((f) => existsSync(join(dir, f)))) {
        // Cheap integrity check: the hash must still match what is on disk.
        if (hashFiles(dir, m.files).sha256 === m.sha256) return { ...m, dir, reused: true };
      }
    } catch {
      /* regenerate */
    }
  }

  const rng = new Rng(opts.seed);
  const w = new SqlWriter(rng);

  // 1. Plan: which files are large or broken, and how many statements each small file gets.
  const plans: FilePlan[] = [];
  const largeAt = new Set<number>();
  while (largeAt.size < Math.min(opts.largeFiles, opts.files)) largeAt.add(rng.int(0, opts.files - 1));
  const brokenAt = new Set<number>();
  while (brokenAt.size < Math.min(opts.brokenFiles, opts.files - largeAt.size)) {
    const i = rng.int(0, opts.files - 1);
    if (!largeAt.has(i)) brokenAt.add(i);
  }
  for (let i = 0; i < opts.files; i++) {
    const t = w.table();
    const isDown = !largeAt.has(i) && rng.chance(0.08);
    const slug = `${rng.pick(SLUG_VERBS)}_${w.short(t)}${rng.chance(0.4) ? `_${rng.pick(COLUMN_WORDS)}` : ''}`;
    const name = `${String(i + 1).padStart(4, '0')}_${largeAt.has(i) ? 'initial_schema_' : ''}${slug}${isDown ? '.down' : ''}.sql`;
    plans.push({ name, statements: 0, large: largeAt.has(i), broken: brokenAt.has(i) });
  }

  // 2. Write large files first (byte-driven), then spread the remaining statement budget over
  //    the others with heavy-tailed weights, so most files are small and a few are medium.
  const out = new Map<string, string>();
  let used = 0;
  for (const p of plans) {
    if (!p.large) continue;
    const target = rng.int(90, 125) * 1024;
    const { text, count, kind } = largeFile(w, target);
    p.name = p.name.replace('_initial_schema_', `_${kind === 'schema' ? 'initial_schema' : kind === 'seed' ? 'seed_data' : 'data_repair'}_`);
    out.set(p.name, text);
    p.statements = count;
    used += count;
  }
  const small = plans.filter((p) => !p.large);
  let remaining = opts.statements - used;
  if (remaining < small.length) remaining = small.length; // at least one statement each
  const weights = small.map(() => {
    const u = rng.next();
    return Math.min(60, Math.pow(1 - u, -1.1)); // Pareto-ish: median ~1.9, rare 20+
  });
  for (const p of small) p.statements = 1;
  let extra = remaining - small.length;
  const cum: number[] = [];
  let acc = 0;
  for (const x of weights) cum.push((acc += x));
  while (extra > 0) {
    const r = rng.next() * acc;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! <= r) lo = mid + 1;
      else hi = mid;
    }
    small[lo]!.statements++;
    extra--;
  }
  let brokenSeen = 0;
  for (const p of small) {
    out.set(p.name, smallFile(w, p.statements, p.broken ? brokenSeen++ : -1));
    used += p.statements;
  }

  // 3. Write files and manifest.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = plans.map((p) => p.name).sort();
  for (const f of files) writeFileSync(join(dir, f), out.get(f)!);
  const { sha256, bytes, largest } = hashFiles(dir, files);
  const corpus: Corpus = {
    name: 'sql', dir, files, bytes, units: used, unitName: 'statements', sha256, brokenFiles: brokenAt.size,
    largestFile: largest, options: opts, reused: false,
  };
  writeFileSync(manifestPath, JSON.stringify({ ...corpus, dir: undefined }, null, 1) + '\n');
  return corpus;
}

/** A typical small migration with exactly `n` top-level statements. */
function smallFile(w: SqlWriter, n: number, broken: number): string {
  const r = w.rng;
  const lines: string[] = [];
  if (r.chance(0.6)) lines.push(`-- ${r.pick(['Migration', 'Add', 'Expand', 'Contract', 'Backfill'])}: ${r.pick(SLUG_VERBS)} ${w.table().name} (ticket ${r.pick(['ENG', 'OPS', 'DATA'])}-${r.int(100, 9999)})`);
  if (r.chance(0.15)) lines.push(`/*\n * Generated by the schema tool. Review before merging.\n * Safe to run online: ${r.pick(['yes', 'no, needs maintenance window', 'only after deploy of #' + r.int(1000, 9999)])}\n */`);
  const stmts: string[] = [];
  let budget = n;
  const lockTimeout = budget >= 2 && r.chance(0.35);
  const wrap = budget >= 3 + (lockTimeout ? 1 : 0) && r.chance(0.3);
  if (lockTimeout) budget--;
  if (wrap) budget -= 2;
  const bodies: string[] = [];
  while (bodies.length < budget) {
    for (const s of w.body()) if (bodies.length < budget) bodies.push(s);
  }
  if (broken >= 0) bodies[r.int(0, bodies.length - 1)] = brokenStatement(w, broken);
  if (lockTimeout) stmts.push(r.pick([`SET lock_timeout = '${r.pick(['2s', '5s', '10s', '500ms'])}';`, `SET lock_timeout TO '3s';`, `SELECT set_config('lock_timeout', '4s', false);`]));
  if (wrap) stmts.push(r.pick(['BEGIN;', 'BEGIN;', 'START TRANSACTION;']));
  for (const b of bodies) {
    if (r.chance(0.03)) stmts.push(ignoreComment(w, b) + b);
    else if (r.chance(0.12)) stmts.push(`-- ${r.pick(['step', 'expand', 'backfill', 'contract', 'note'])}: ${r.pick(['keep in sync with the model', 'see runbook', 'safe: new table', 'nullable first, NOT NULL later', 'TODO remove after 3.2'])}\n${b}`);
    else if (r.chance(0.05)) stmts.push(`${b} -- ${r.pick(['idempotent', 'checked on staging', 'small table'])}`);
    else stmts.push(b);
  }
  if (wrap) stmts.push(r.pick(['COMMIT;', 'COMMIT;', 'END;']));
  lines.push(stmts.join(r.chance(0.7) ? '\n\n' : '\n'));
  return lines.join('\n') + '\n';
}

/** `-- migsafe-ignore <rule> -- <reason>` naming a rule that plausibly fires on `stmt`. */
function ignoreComment(w: SqlWriter, stmt: string): string {
  const r = w.rng;
  const rule = /DROP COLUMN/.test(stmt) ? 'drop-column'
    : /CREATE (UNIQUE )?INDEX (?!CONCURRENTLY)/.test(stmt) ? 'require-concurrent-index'
      : /RENAME COLUMN/.test(stmt) ? 'rename-column'
        : /SET NOT NULL/.test(stmt) ? 'set-not-null'
          : / TYPE /.test(stmt) ? 'change-column-type'
            : r.pick(['require-lock-timeout', 'unbatched-backfill', 'drop-table', 'prefer-text']);
  // The odd malformed one: no reason (reported as invalid-ignore, suppresses nothing).
  if (r.chance(0.1)) return `-- migsafe-ignore ${rule}\n`;
  return `-- migsafe-ignore ${rule} -- ${r.pick(REASONS)}\n`;
}

/** A ~`target`-byte file: an initial schema dump, a seed-data file or a batched backfill script. */
function largeFile(w: SqlWriter, target: number): { text: string; count: number; kind: 'schema' | 'seed' | 'backfill' } {
  const r = w.rng;
  const kind = r.weighted([[3, 'schema'], [1, 'seed'], [1, 'backfill']] as const);
  const parts: string[] = [`-- ${kind === 'schema' ? 'Initial schema (squashed from 240 migrations)' : kind === 'seed' ? 'Reference data' : 'One-off data repair'}\n-- Generated ${'2023-0' + r.int(1, 9) + '-1' + r.int(0, 9)}; do not edit by hand.\n`];
  let size = parts[0]!.length;
  let count = 0;
  const push = (s: string) => {
    parts.push(s);
    size += s.length + 2;
    count++;
  };
  push(`SET statement_timeout = 0;`);
  push(`SET lock_timeout = 0;`);
  push(`SET client_encoding = 'UTF8';`);
  if (kind !== 'schema') push('BEGIN;');
  while (size < target) {
    if (kind === 'schema') {
      const x = r.next();
      if (x < 0.35) push(w.createTable(true));
      else if (x < 0.6) push(w.createIndex(0));
      else if (x < 0.75) for (const s of w.addConstraint()) push(s);
      else if (x < 0.9) push(w.misc());
      else if (x < 0.95) for (const s of w.triggerFunction()) push(s);
      else push(w.doBlock());
    } else if (kind === 'seed') {
      push(w.seedInsert(r.int(20, 120)));
    } else {
      push(r.chance(0.8) ? w.backfill() : w.doBlock());
    }
  }
  if (kind !== 'schema') push('COMMIT;');
  return { text: parts.join('\n\n') + '\n', count, kind };
}

function hashFiles(dir: string, files: string[]): { sha256: string; bytes: number; largest: number } {
  const h = createHash('sha256');
  let bytes = 0;
  let largest = 0;
  for (const f of files) {
    const buf = readFileSync(join(dir, f));
    h.update(f).update('\0').update(buf).update('\0');
    bytes += buf.length;
    largest = Math.max(largest, buf.length);
  }
  return { sha256: h.digest('hex'), bytes, largest };
}
