/**
 * The seeded Alembic corpus: an Alembic project (alembic.ini, env.py, versions/) whose 2,000
 * revision files form one revision chain with two short branches merged back into it, with the
 * op mixes real projects have: add_column with sa.Column details, alter_column, create_table,
 * create_index (postgresql_concurrently inside autocommit_block, postgresql_using, partial),
 * foreign keys and check constraints with postgresql_not_valid, batch_alter_table blocks (the
 * parenthesized `with (…):` form too), op.execute with plain, sa.text, triple-quoted,
 * concatenated and dedented SQL, SQL built with f-strings, .format and % (loops over literals
 * resolve; the rest is dynamic-sql), connection.execute,
 * bulk_insert, module-level helpers and constants, ignore comments, and their downgrades.
 *
 * Same contract as generateSqlCorpus (corpus.ts): a pure function of its options, byte-identical
 * output, a manifest with a sha256 that lets a matching corpus be reused. Bump
 * ALEMBIC_GENERATOR_VERSION when the output changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Rng, type Corpus } from './corpus.js';
import { autocommitBlock, batchBlock, executeSql, renderRevision } from '../src/sources/alembic/render.js';

export interface AlembicCorpusOptions {
  /** Output directory (the Alembic project); it is emptied and rewritten unless the manifest matches. */
  dir: string;
  seed?: number;
  /** Revision files, merges included. */
  files?: number;
  /** Short branches off the main chain, each merged back by a merge revision. */
  merges?: number;
  /** Initial-schema files of 60–120 KB (a squashed history). */
  largeFiles?: number;
  /** Files with one deliberate Python syntax error. */
  brokenFiles?: number;
  /** Regenerate even when the manifest matches. */
  force?: boolean;
}

/** Bump when the generator's output changes, so cached corpora are rebuilt. */
export const ALEMBIC_GENERATOR_VERSION = 2;

/** Where the revision files go inside the project. */
export const VERSIONS_DIR = 'migrations/versions';

export interface RenderedAlembicCorpus {
  /** Path (relative to the project) → content, in file-name order; project files (alembic.ini, env.py) first. */
  texts: Map<string, string>;
  /** Revision files (relative paths), sorted. */
  revisions: string[];
  /**
   * Operation calls written per revision file, as the front end counts them (op.*, batch_op.*,
   * connection.execute; a helper's calls once per call site). In a broken file, the front end
   * may find fewer: tree-sitter's error recovery decides what survives around the bad statement.
   */
  calls: Map<string, number>;
  /** Revision files with a deliberate syntax error. */
  broken: Set<string>;
  /** Revision ids of the heads (one, when every branch is merged). */
  heads: string[];
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const TABLES = [
  'users', 'accounts', 'organizations', 'memberships', 'projects', 'tasks', 'comments', 'orders', 'order_items',
  'invoices', 'payments', 'refunds', 'subscriptions', 'plans', 'products', 'product_variants', 'inventory_levels',
  'warehouses', 'shipments', 'addresses', 'sessions', 'api_keys', 'webhooks', 'webhook_deliveries', 'events',
  'audit_log', 'notifications', 'messages', 'threads', 'attachments', 'tags', 'taggings', 'feature_flags',
  'experiments', 'reports', 'dashboards', 'widgets', 'teams', 'invitations', 'roles', 'permissions', 'posts',
  'post_votes', 'communities', 'workflow_runs', 'step_runs', 'job_queue', 'tenants', 'identities', 'documents',
  'recipients', 'signatures', 'templates', 'device_tokens', 'price_rules', 'coupons', 'carts', 'cart_items',
];
const WORDS = [
  'name', 'title', 'slug', 'email', 'status', 'state', 'kind', 'description', 'body', 'amount_cents', 'currency',
  'quantity', 'external_id', 'owner_id', 'parent_id', 'tenant_id', 'created_by', 'updated_by', 'started_at',
  'finished_at', 'expires_at', 'deleted_at', 'archived', 'is_active', 'priority', 'position', 'metadata',
  'settings', 'payload', 'attempts', 'last_error', 'locale', 'timezone', 'country_code', 'phone', 'display_name',
  'avatar_url', 'score', 'version', 'checksum', 'size_bytes', 'content_type', 'retry_count', 'visibility', 'notes',
  'label', 'color', 'source', 'reference', 'due_at', 'approved_at', 'approved_by', 'region', 'channel',
];
const SUFFIXES = ['v2', 'new', 'normalized', 'hash', 'ref', 'lower', 'count', 'cache', 'tmp'];
const ENUMS = ['order_status', 'payment_state', 'user_role', 'task_priority', 'visibility_level', 'shipment_state'];
const ENUM_VALUES = ['pending', 'active', 'paused', 'failed', 'refunded', 'archived', 'disputed', 'expired'];
const VERBS = ['add', 'create', 'drop', 'rename', 'backfill', 'index', 'alter', 'validate', 'fix', 'remove', 'update', 'split', 'merge'];
const REASONS = [
  'table is empty in every environment', 'column unused since release 2.14, code removed in #4812',
  'runs in the maintenance window with traffic drained', 'table has < 1k rows, lock is sub-millisecond',
  'backfill is batched by the job runner, not this migration', 'approved by DBA review OPS-2211',
];
const COMMENTS = [
  'keep in sync with models/billing.py', 'see the runbook before running in production', 'expand step: nullable first, NOT NULL in a later release',
  'contract step: the application stopped reading this in 3.4', 'needed by the reporting service', 'TODO: remove after the 2024-Q2 migration window',
  'Zeitzone der letzten Änderung (UTC)', 'Numéro de commande — unique par client', '注文の状態を追跡する',
];

interface Col {
  name: string;
  /** SQLAlchemy type expression, e.g. `sa.String(length=255)`. */
  type: string;
}
interface Table {
  name: string;
  cols: Col[];
}

/** One statement of a function body (possibly several lines) and what it counts. */
interface Stmt {
  up: string[];
  /** Statements that undo it, in the order they run in downgrade() (they are reversed as a group). */
  down: string[];
  upCalls: number;
  downCalls: number;
  /** Module-level lines it needs (helpers, constants). */
  module?: string[];
}

// ---------------------------------------------------------------------------------------------
// Writer: per-corpus state (deterministic given the seed)

class AlembicWriter {
  readonly tables: Table[] = [];
  private counter = 0;
  /** Quote character of the file being written ("'" in autogenerate style, '"' in hand-written files). */
  quote: "'" | '"' = "'";
  /** `conn = op.get_bind()` was written in this file's upgrade() (a second assignment would make `conn` unknown). */
  private connBound = false;
  private helperWritten = false;

  constructor(readonly rng: Rng) {
    for (const name of TABLES) {
      const cols: Col[] = [];
      const used = new Set<string>();
      const n = rng.int(5, 16);
      for (let i = 0; i < n; i++) {
        const c = rng.pick(WORDS);
        if (used.has(c)) continue;
        used.add(c);
        cols.push({ name: c, type: this.typeFor(c) });
      }
      this.tables.push({ name, cols });
    }
  }

  startFile(quote: "'" | '"'): void {
    this.quote = quote;
    this.connBound = false;
    this.helperWritten = false;
  }

  uid(): number {
    return ++this.counter;
  }
  table(): Table {
    return this.rng.pick(this.tables);
  }
  col(t: Table): Col {
    return t.cols.length ? this.rng.pick(t.cols) : { name: 'name', type: 'sa.Text()' };
  }
  newColName(t: Table): string {
    for (;;) {
      const c = `${this.rng.pick(WORDS)}_${this.rng.pick(SUFFIXES)}${this.rng.chance(0.3) ? `_${this.uid()}` : ''}`;
      if (!t.cols.some((x) => x.name === c)) return c;
    }
  }

  /** A Python string literal in the file's quote style (switches quotes rather than escaping when it can). */
  s(text: string): string {
    let q = this.quote;
    if (text.includes(q) && !text.includes(q === "'" ? '"' : "'")) q = q === "'" ? '"' : "'";
    const body = text.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`).replace(/\n/g, '\\n');
    return `${q}${body}${q}`;
  }
  list(items: string[]): string {
    return `[${items.map((i) => this.s(i)).join(', ')}]`;
  }

  typeFor(name: string): string {
    const r = this.rng;
    if (name.endsWith('_id') || name === 'created_by' || name === 'updated_by' || name === 'approved_by') return r.pick(['sa.BigInteger()', 'sa.Integer()', 'postgresql.UUID(as_uuid=True)']);
    if (name.endsWith('_at')) return r.pick(['sa.DateTime(timezone=True)', 'sa.DateTime()', 'sa.TIMESTAMP(timezone=True)']);
    if (name.startsWith('is_') || name === 'archived') return 'sa.Boolean()';
    if (name === 'metadata' || name === 'settings' || name === 'payload') return r.pick(['postgresql.JSONB(astext_type=sa.Text())', 'sa.JSON()', 'postgresql.JSONB()']);
    if (name.endsWith('_cents') || name === 'quantity' || name === 'attempts' || name === 'retry_count' || name === 'priority' || name === 'position' || name === 'size_bytes') return r.pick(['sa.Integer()', 'sa.BigInteger()', 'sa.SmallInteger()']);
    if (name === 'score') return r.pick(['sa.Numeric(precision=12, scale=2)', 'sa.Float()']);
    if (name === 'status' || name === 'state' || name === 'kind') return r.pick(['sa.String(length=32)', `sa.Enum(${ENUM_VALUES.slice(0, 4).map((v) => this.s(v)).join(', ')}, name=${this.s(`${name}_enum`)})`, 'sa.Text()']);
    if (name === 'country_code' || name === 'currency') return r.pick(['sa.CHAR(length=2)', 'sa.String(length=3)']);
    if (name === 'body' || name === 'description' || name === 'notes' || name === 'last_error') return 'sa.Text()';
    return r.weighted([[5, 'sa.String(length=255)'], [3, 'sa.Text()'], [1, 'sa.String(length=64)'], [1, 'sa.Unicode(length=200)'], [1, 'postgresql.ARRAY(sa.Text())']] as const);
  }

  /** `server_default=` for a column, or null. */
  serverDefault(c: Col): string | null {
    const r = this.rng;
    if (c.type === 'sa.Boolean()') return r.pick([this.s('false'), `sa.text(${this.s('false')})`, 'sa.false()']);
    if (c.type.startsWith('sa.DateTime') || c.type.startsWith('sa.TIMESTAMP')) return r.pick(['sa.text(' + this.s('now()') + ')', 'sa.func.now()', `sa.text(${this.s('CURRENT_TIMESTAMP')})`]);
    if (c.type.includes('JSON')) return `sa.text(${this.s("'{}'::jsonb")})`;
    if (/Integer|Numeric|Float/.test(c.type)) return r.pick([this.s('0'), `sa.text(${this.s('0')})`]);
    if (c.type.includes('UUID')) return `sa.text(${this.s('gen_random_uuid()')})`;
    return this.s(r.pick(['', 'pending', 'en', 'default']));
  }

  /** `sa.Column(…)` as autogenerate writes it. */
  column(t: Table, c: Col, opts: { pk?: boolean; fk?: string | null; nullable?: boolean; serverDefault?: string | null; index?: boolean; unique?: boolean; comment?: boolean } = {}): string {
    const parts = [this.s(c.name), c.type];
    if (opts.fk) parts.push(`sa.ForeignKey(${this.s(`${opts.fk}.id`)}${this.rng.chance(0.4) ? `, ondelete=${this.s(this.rng.pick(['CASCADE', 'SET NULL', 'RESTRICT']))}` : ''})`);
    if (opts.pk) parts.push('primary_key=True');
    if (opts.serverDefault) parts.push(`server_default=${opts.serverDefault}`);
    if (opts.nullable !== undefined) parts.push(`nullable=${opts.nullable ? 'True' : 'False'}`);
    if (opts.index) parts.push('index=True');
    if (opts.unique) parts.push('unique=True');
    if (opts.comment) parts.push(`comment=${this.s(this.rng.pick(COMMENTS))}`);
    void t;
    return `sa.Column(${parts.join(', ')})`;
  }

  // ── SQL for op.execute ──────────────────────────────────────────────────────────────────

  fill(c: Col): string {
    if (c.type === 'sa.Boolean()') return 'false';
    if (/Integer|Numeric|Float/.test(c.type)) return `coalesce(${c.name}, 0)`;
    if (c.type.includes('JSON')) return "'{}'::jsonb";
    if (c.type.startsWith('sa.DateTime') || c.type.startsWith('sa.TIMESTAMP')) return 'now()';
    if (c.type.includes('UUID')) return 'gen_random_uuid()';
    return `lower(${c.name}::text)`;
  }

  /** One SQL statement (or a short script) for op.execute, with the statement that undoes it (or null). */
  sql(): { sql: string; undo: string | null; multiline: boolean } {
    const r = this.rng;
    const t = this.table();
    const c = this.col(t);
    const kind = r.weighted([
      [8, 'backfill'], [3, 'backfill-batched'], [3, 'lock-timeout'], [2, 'extension'], [2, 'comment'], [2, 'trigger'],
      [2, 'view'], [2, 'delete'], [2, 'insert'], [2, 'grant'], [2, 'raw-ddl'], [1, 'function'], [1, 'analyze'],
    ] as const);
    switch (kind) {
      case 'backfill':
        return { sql: `UPDATE ${t.name} SET ${c.name} = ${this.fill(c)} WHERE ${c.name} IS NULL`, undo: null, multiline: false };
      case 'backfill-batched': {
        const lo = r.int(0, 400) * 10000;
        return { sql: `UPDATE ${t.name}\nSET ${c.name} = ${this.fill(c)}\nWHERE id >= ${lo} AND id < ${lo + 10000}\n  AND ${c.name} IS DISTINCT FROM ${this.fill(c)}`, undo: null, multiline: true };
      }
      case 'lock-timeout':
        return { sql: `SET LOCAL lock_timeout = '${r.pick(['2s', '5s', '10s', '500ms'])}'`, undo: null, multiline: false };
      case 'extension': {
        const ext = r.pick(['pgcrypto', 'pg_trgm', 'citext', '"uuid-ossp"', 'btree_gist', 'hstore']);
        return { sql: `CREATE EXTENSION IF NOT EXISTS ${ext}`, undo: r.chance(0.5) ? `DROP EXTENSION IF EXISTS ${ext}` : null, multiline: false };
      }
      case 'comment':
        return { sql: `COMMENT ON COLUMN ${t.name}.${c.name} IS '${r.pick(COMMENTS).replace(/'/g, "''")}'`, undo: `COMMENT ON COLUMN ${t.name}.${c.name} IS NULL`, multiline: false };
      case 'trigger': {
        const fn = `${t.name}_touch_${this.uid()}`;
        return {
          sql: `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger\nLANGUAGE plpgsql AS $$\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$$;\n\nCREATE TRIGGER ${fn}_trg BEFORE UPDATE ON ${t.name}\n  FOR EACH ROW EXECUTE FUNCTION ${fn}();`,
          undo: `DROP TRIGGER IF EXISTS ${fn}_trg ON ${t.name}; DROP FUNCTION IF EXISTS ${fn}()`, multiline: true,
        };
      }
      case 'view': {
        const v = `${t.name}_active_${this.uid()}`;
        return { sql: `CREATE OR REPLACE VIEW ${v} AS\nSELECT id, ${c.name}\nFROM ${t.name}\nWHERE deleted_at IS NULL`, undo: `DROP VIEW IF EXISTS ${v}`, multiline: true };
      }
      case 'delete':
        return { sql: `DELETE FROM ${t.name} WHERE created_at < now() - interval '${r.int(30, 720)} days'`, undo: null, multiline: false };
      case 'insert':
        return {
          sql: `INSERT INTO ${t.name} (name, created_at) VALUES ('${r.pick(WORDS)}', now()), ('${r.pick(WORDS)}', now()) ON CONFLICT DO NOTHING`,
          undo: `DELETE FROM ${t.name} WHERE created_at >= now() - interval '1 day'`, multiline: false,
        };
      case 'grant':
        return { sql: `GRANT SELECT, INSERT, UPDATE ON ${t.name} TO app_rw`, undo: `REVOKE SELECT, INSERT, UPDATE ON ${t.name} FROM app_rw`, multiline: false };
      case 'raw-ddl': {
        const n = this.newColName(t);
        return r.chance(0.5)
          ? { sql: `ALTER TABLE ${t.name} ADD COLUMN IF NOT EXISTS ${n} text`, undo: `ALTER TABLE ${t.name} DROP COLUMN IF EXISTS ${n}`, multiline: false }
          : { sql: `ALTER TABLE ${t.name} ALTER COLUMN ${c.name} SET DEFAULT ${c.type === 'sa.Boolean()' ? 'false' : "''"}`, undo: `ALTER TABLE ${t.name} ALTER COLUMN ${c.name} DROP DEFAULT`, multiline: false };
      }
      case 'function': {
        const fn = `${t.name}_count_${this.uid()}`;
        return {
          sql: `CREATE OR REPLACE FUNCTION ${fn}(p_tenant bigint) RETURNS bigint\nLANGUAGE sql STABLE AS $$\n  SELECT count(*) FROM ${t.name} WHERE tenant_id = p_tenant\n$$`,
          undo: `DROP FUNCTION IF EXISTS ${fn}(bigint)`, multiline: true,
        };
      }
      case 'analyze':
        return { sql: `ANALYZE ${t.name}`, undo: null, multiline: false };
    }
  }

  /** op.execute(…) of `sql` in one of the styles real files use. */
  execute(sql: string, multiline: boolean): string {
    const r = this.rng;
    if (multiline) {
      const style = r.weighted([[5, 'triple'], [2, 'text-triple'], [1, 'dedent']] as const);
      if (style === 'triple') return executeSql(sql, 'triple');
      const body = sql.split('\n').map((l) => (l ? `        ${l}` : l)).join('\n');
      if (style === 'text-triple') return `op.execute(\n    sa.text(\n        """\n${body}\n        """\n    )\n)`;
      return `op.execute(\n    textwrap.dedent(\n        """\n${body}\n        """\n    )\n)`;
    }
    const style = r.weighted([[6, 'plain'], [3, 'text'], [1, 'concat']] as const);
    if (style === 'concat' && sql.split(' ').length >= 4) return executeSql(sql, 'concat');
    if (style === 'text') return `op.execute(sa.text(${this.s(sql)}))`;
    return `op.execute(${this.s(sql)})`;
  }

  // ── statements ──────────────────────────────────────────────────────────────────────────

  addColumn(): Stmt {
    const r = this.rng;
    const t = this.table();
    const c: Col = { name: this.newColName(t), type: '' };
    c.type = this.typeFor(c.name);
    const kind = r.weighted([[6, 'nullable'], [3, 'default'], [1, 'required'], [1, 'fk'], [1, 'indexed']] as const);
    const col = kind === 'nullable' ? this.column(t, c, { nullable: true, comment: r.chance(0.1) })
      : kind === 'default' ? this.column(t, c, { nullable: false, serverDefault: this.serverDefault(c) })
        : kind === 'required' ? this.column(t, c, { nullable: false })
          : kind === 'fk' ? this.column(t, { name: `${c.name.replace(/_[a-z0-9]+$/, '')}_ref_id`, type: 'sa.BigInteger()' }, { fk: this.table().name, nullable: true })
            : this.column(t, c, { nullable: true, index: true });
    const name = kind === 'fk' ? `${c.name.replace(/_[a-z0-9]+$/, '')}_ref_id` : c.name;
    t.cols.push({ name, type: c.type });
    return { up: [`op.add_column(${this.s(t.name)}, ${col})`], down: [`op.drop_column(${this.s(t.name)}, ${this.s(name)})`], upCalls: 1, downCalls: 1 };
  }

  dropColumn(): Stmt {
    const t = this.table();
    if (t.cols.length < 3) return this.addColumn();
    const c = t.cols.splice(this.rng.int(0, t.cols.length - 1), 1)[0]!;
    const up = `op.drop_column(${this.s(t.name)}, ${this.s(c.name)})`;
    const down = `op.add_column(${this.s(t.name)}, ${this.column(t, c, { nullable: true })})`;
    if (this.rng.chance(0.25)) return { up: [`# migsafe-ignore drop-column -- ${this.rng.pick(REASONS)}\n${up}`], down: [down], upCalls: 1, downCalls: 1 };
    return { up: [up], down: [down], upCalls: 1, downCalls: 1 };
  }

  alterColumn(): Stmt {
    const r = this.rng;
    const t = this.table();
    const c = this.col(t);
    const tn = this.s(t.name);
    const cn = this.s(c.name);
    const kind = r.weighted([[4, 'not-null'], [2, 'nullable'], [3, 'type'], [1, 'type-using'], [2, 'rename'], [2, 'default'], [1, 'drop-default']] as const);
    switch (kind) {
      case 'not-null':
        return { up: [`op.alter_column(${tn}, ${cn}, existing_type=${c.type}, nullable=False)`], down: [`op.alter_column(${tn}, ${cn}, existing_type=${c.type}, nullable=True)`], upCalls: 1, downCalls: 1 };
      case 'nullable':
        return { up: [`op.alter_column(${tn}, ${cn},\n               existing_type=${c.type},\n               nullable=True)`], down: [`op.alter_column(${tn}, ${cn},\n               existing_type=${c.type},\n               nullable=False)`], upCalls: 1, downCalls: 1 };
      case 'type': {
        const to = r.pick(['sa.Text()', 'sa.String(length=512)', 'sa.BigInteger()', 'sa.Numeric(precision=14, scale=4)']);
        const up = `op.alter_column(\n    ${tn},\n    ${cn},\n    existing_type=${c.type},\n    type_=${to},\n    existing_nullable=${r.chance(0.5) ? 'True' : 'False'},\n)`;
        const down = `op.alter_column(\n    ${tn},\n    ${cn},\n    existing_type=${to},\n    type_=${c.type},\n)`;
        c.type = to;
        return { up: [up], down: [down], upCalls: 1, downCalls: 1 };
      }
      case 'type-using': {
        const to = r.pick(['sa.BigInteger()', 'postgresql.JSONB(astext_type=sa.Text())', 'sa.DateTime(timezone=True)']);
        const using = to.startsWith('sa.BigInteger') ? `${c.name}::bigint` : to.includes('JSONB') ? `${c.name}::jsonb` : `${c.name} AT TIME ZONE 'UTC'`;
        const up = `op.alter_column(${tn}, ${cn}, type_=${to}, postgresql_using=${this.s(using)})`;
        const down = `op.alter_column(${tn}, ${cn}, type_=${c.type}, postgresql_using=${this.s(`${c.name}::text`)})`;
        c.type = to;
        return { up: [up], down: [down], upCalls: 1, downCalls: 1 };
      }
      case 'rename': {
        const n = `${c.name}_${r.pick(['old', 'legacy', 'v2'])}`;
        const up = `op.alter_column(${tn}, ${cn}, new_column_name=${this.s(n)})`;
        const down = `op.alter_column(${tn}, ${this.s(n)}, new_column_name=${cn})`;
        c.name = n;
        return { up: [up], down: [down], upCalls: 1, downCalls: 1 };
      }
      case 'default': {
        const d = this.serverDefault(c);
        return { up: [`op.alter_column(${tn}, ${cn}, server_default=${d})`], down: [`op.alter_column(${tn}, ${cn}, server_default=None)`], upCalls: 1, downCalls: 1 };
      }
      case 'drop-default':
        return { up: [`op.alter_column(${tn}, ${cn}, server_default=None)`], down: [`op.alter_column(${tn}, ${cn}, server_default=${this.serverDefault(c)})`], upCalls: 1, downCalls: 1 };
    }
  }

  createIndex(): Stmt {
    const r = this.rng;
    const t = this.table();
    const c = this.col(t);
    const name = `ix_${t.name}_${c.name}${r.chance(0.2) ? `_${this.uid()}` : ''}`;
    const nm = r.chance(0.6) ? `op.f(${this.s(name)})` : this.s(name);
    const cols = r.chance(0.2) ? this.list([c.name, this.col(t).name]) : this.list([c.name]);
    const extra: string[] = [];
    if (r.chance(0.15)) extra.push('unique=True');
    else if (r.chance(0.5)) extra.push('unique=False');
    const shape = r.weighted([[6, 'plain'], [1, 'gin'], [1, 'partial']] as const);
    if (shape === 'gin') extra.push(`postgresql_using=${this.s('gin')}`);
    if (shape === 'partial') extra.push(`postgresql_where=sa.text(${this.s('deleted_at IS NULL')})`);
    const mode = r.weighted([[5, 'plain'], [4, 'concurrent-autocommit'], [1, 'concurrent-in-tx']] as const);
    const drop = (conc: boolean) => `op.drop_index(${nm}, table_name=${this.s(t.name)}${conc ? ', postgresql_concurrently=True' : ''})`;
    if (mode === 'plain') return { up: [`op.create_index(${nm}, ${this.s(t.name)}, ${cols}${extra.length ? `, ${extra.join(', ')}` : ''})`], down: [drop(false)], upCalls: 1, downCalls: 1 };
    const up = `op.create_index(\n    ${nm},\n    ${this.s(t.name)},\n    ${cols},\n${extra.map((e) => `    ${e},\n`).join('')}    postgresql_concurrently=True,\n)`;
    if (mode === 'concurrent-in-tx') return { up: [up], down: [drop(true)], upCalls: 1, downCalls: 1 };
    return { up: [autocommitBlock([up])], down: [autocommitBlock([drop(true)])], upCalls: 1, downCalls: 1 };
  }

  foreignKey(): Stmt {
    const r = this.rng;
    const t = this.table();
    const ref = this.table();
    const col = `${ref.name.replace(/s$/, '')}_id`;
    const name = `fk_${t.name}_${col}_${ref.name}`;
    const notValid = r.chance(0.45);
    const extra = [r.chance(0.4) ? `ondelete=${this.s(r.pick(['CASCADE', 'SET NULL']))}` : '', notValid ? 'postgresql_not_valid=True' : ''].filter(Boolean);
    const up = [`op.create_foreign_key(\n    ${this.s(name)},\n    ${this.s(t.name)},\n    ${this.s(ref.name)},\n    ${this.list([col])},\n    ${this.list(['id'])},${extra.length ? `\n    ${extra.join(',\n    ')},` : ''}\n)`];
    let calls = 1;
    if (notValid && r.chance(0.8)) {
      up.push(this.execute(`ALTER TABLE ${t.name} VALIDATE CONSTRAINT ${name}`, false));
      calls++;
    }
    return { up, down: [`op.drop_constraint(${this.s(name)}, ${this.s(t.name)}, type_=${this.s('foreignkey')})`], upCalls: calls, downCalls: 1 };
  }

  check(): Stmt {
    const r = this.rng;
    const t = this.table();
    const c = this.col(t);
    const name = `ck_${t.name}_${c.name}_${this.uid()}`;
    const cond = /Integer|Numeric|Float/.test(c.type) ? `${c.name} >= 0` : `${c.name} IS NOT NULL`;
    const notValid = r.chance(0.5);
    const condArg = r.chance(0.3) ? `sa.text(${this.s(cond)})` : this.s(cond);
    const up = [`op.create_check_constraint(${this.s(name)}, ${this.s(t.name)}, ${condArg}${notValid ? ', postgresql_not_valid=True' : ''})`];
    let calls = 1;
    if (notValid && r.chance(0.7)) {
      up.push(this.execute(`ALTER TABLE ${t.name} VALIDATE CONSTRAINT ${name}`, false));
      calls++;
    }
    return { up, down: [`op.drop_constraint(${this.s(name)}, ${this.s(t.name)}, type_=${this.s('check')})`], upCalls: calls, downCalls: 1 };
  }

  unique(): Stmt {
    const t = this.table();
    const c = this.col(t);
    const name = `uq_${t.name}_${c.name}`;
    return { up: [`op.create_unique_constraint(${this.s(name)}, ${this.s(t.name)}, ${this.list([c.name])})`], down: [`op.drop_constraint(${this.s(name)}, ${this.s(t.name)}, type_=${this.s('unique')})`], upCalls: 1, downCalls: 1 };
  }

  createTable(big = false): Stmt {
    const r = this.rng;
    const base = this.table();
    const name = `${base.name}_${r.pick(['archive', 'history', 'v2', 'snapshots', 'rollup', 'links', 'settings'])}_${this.uid()}`;
    const t: Table = { name, cols: [] };
    const lines: string[] = [];
    const pk = r.weighted([[4, 'bigint'], [2, 'uuid'], [1, 'identity']] as const);
    lines.push(pk === 'bigint' ? `sa.Column(${this.s('id')}, sa.BigInteger(), nullable=False)` : pk === 'uuid' ? `sa.Column(${this.s('id')}, postgresql.UUID(as_uuid=True), server_default=sa.text(${this.s('gen_random_uuid()')}), nullable=False)` : `sa.Column(${this.s('id')}, sa.BigInteger(), sa.Identity(always=True), nullable=False)`);
    const n = big ? r.int(12, 30) : r.int(3, 12);
    const used = new Set(['id']);
    const fks: string[] = [];
    const indexes: string[] = [];
    for (let i = 0; i < n; i++) {
      let c = r.pick(WORDS);
      if (used.has(c)) c = `${c}_${i}`;
      used.add(c);
      const col: Col = { name: c, type: this.typeFor(c) };
      t.cols.push(col);
      const nullable = !r.chance(0.35);
      lines.push(this.column(t, col, { nullable, serverDefault: !nullable && r.chance(0.4) ? this.serverDefault(col) : null }));
      if (c.endsWith('_id') && r.chance(0.7)) {
        const ref = this.table();
        fks.push(`sa.ForeignKeyConstraint(${this.list([c])}, ${this.list([`${ref.name}.id`])}${r.chance(0.4) ? `, ondelete=${this.s('CASCADE')}` : ''}, )`);
        indexes.push(c);
      }
    }
    lines.push(`sa.Column(${this.s('created_at')}, sa.DateTime(timezone=True), server_default=sa.text(${this.s('now()')}), nullable=False)`);
    lines.push(`sa.Column(${this.s('updated_at')}, sa.DateTime(timezone=True), nullable=True)`);
    lines.push(...fks);
    lines.push(`sa.PrimaryKeyConstraint(${this.s('id')})`);
    if (r.chance(0.3) && t.cols.length) lines.push(`sa.UniqueConstraint(${this.s(this.col(t).name)}, name=${this.s(`uq_${name}_${this.uid()}`)})`);
    const up = [`op.create_table(${this.s(name)},\n${lines.map((l) => `    ${l},`).join('\n')}\n)`];
    const down: string[] = [];
    for (const c of indexes) {
      up.push(`op.create_index(op.f(${this.s(`ix_${name}_${c}`)}), ${this.s(name)}, ${this.list([c])}, unique=False)`);
      down.push(`op.drop_index(op.f(${this.s(`ix_${name}_${c}`)}), table_name=${this.s(name)})`);
    }
    down.push(`op.drop_table(${this.s(name)})`);
    this.tables.push(t);
    return { up, down, upCalls: up.length, downCalls: down.length };
  }

  dropTable(): Stmt {
    const r = this.rng;
    const t = this.table();
    const name = `${t.name}_backup_${this.uid()}`;
    const up = `op.drop_table(${this.s(name)})`;
    const down = `op.create_table(${this.s(name)},\n    sa.Column(${this.s('id')}, sa.BigInteger(), nullable=False),\n    sa.Column(${this.s('payload')}, postgresql.JSONB(astext_type=sa.Text()), nullable=True),\n    sa.PrimaryKeyConstraint(${this.s('id')})\n)`;
    return { up: [r.chance(0.3) ? `# migsafe-ignore drop-table -- ${r.pick(REASONS)}\n${up}` : up], down: [down], upCalls: 1, downCalls: 1 };
  }

  renameTable(): Stmt {
    const t = this.table();
    const to = `${t.name}_${this.rng.pick(['legacy', 'v2', 'old'])}_${this.uid()}`;
    return { up: [`op.rename_table(${this.s(t.name)}, ${this.s(to)})`], down: [`op.rename_table(${this.s(to)}, ${this.s(t.name)})`], upCalls: 1, downCalls: 1 };
  }

  /** `with op.batch_alter_table(…) as batch_op:` with 1–5 operations (a quarter in the parenthesized form). */
  batch(): Stmt {
    const r = this.rng;
    const t = this.table();
    const ups: string[] = [];
    const downs: string[] = [];
    const n = r.weighted([[4, 1], [3, 2], [2, 3], [1, 5]] as const);
    for (let i = 0; i < n; i++) {
      const c = this.col(t);
      const kind = r.weighted([[4, 'add'], [3, 'alter'], [2, 'drop'], [2, 'index'], [1, 'fk'], [1, 'drop-constraint']] as const);
      switch (kind) {
        case 'add': {
          const col: Col = { name: this.newColName(t), type: '' };
          col.type = this.typeFor(col.name);
          ups.push(`batch_op.add_column(${this.column(t, col, { nullable: r.chance(0.8) })})`);
          downs.unshift(`batch_op.drop_column(${this.s(col.name)})`);
          t.cols.push(col);
          break;
        }
        case 'alter':
          ups.push(`batch_op.alter_column(${this.s(c.name)},\n      existing_type=${c.type},\n      nullable=False)`);
          downs.unshift(`batch_op.alter_column(${this.s(c.name)},\n      existing_type=${c.type},\n      nullable=True)`);
          break;
        case 'drop':
          ups.push(`batch_op.drop_column(${this.s(c.name)})`);
          downs.unshift(`batch_op.add_column(${this.column(t, c, { nullable: true })})`);
          break;
        case 'index': {
          const name = `ix_${t.name}_${c.name}_${this.uid()}`;
          ups.push(`batch_op.create_index(batch_op.f(${this.s(name)}), ${this.list([c.name])}, unique=False)`);
          downs.unshift(`batch_op.drop_index(batch_op.f(${this.s(name)}))`);
          break;
        }
        case 'fk': {
          const ref = this.table();
          const name = `fk_${t.name}_${ref.name}_${this.uid()}`;
          ups.push(`batch_op.create_foreign_key(${this.s(name)}, ${this.s(ref.name)}, ${this.list([`${ref.name.replace(/s$/, '')}_id`])}, ${this.list(['id'])})`);
          downs.unshift(`batch_op.drop_constraint(${this.s(name)}, type_=${this.s('foreignkey')})`);
          break;
        }
        case 'drop-constraint': {
          const name = `uq_${t.name}_${c.name}`;
          ups.push(`batch_op.drop_constraint(${this.s(name)}, type_=${this.s('unique')})`);
          downs.unshift(`batch_op.create_unique_constraint(${this.s(name)}, ${this.list([c.name])})`);
          break;
        }
      }
    }
    const parenthesized = r.chance(0.25);
    const head = (stmts: string[]) => {
      const block = batchBlock(t.name, stmts, { parenthesized });
      // autogenerate writes `schema=None`; batchBlock quotes with JSON, so re-quote in the file's style.
      return block.replace(/^with (\(?)op\.batch_alter_table\("([^"]+)"\)/, (_m, p: string, name: string) => `with ${p}op.batch_alter_table(${this.s(name)}${r.chance(0.5) ? ', schema=None' : ''})`);
    };
    return { up: [head(ups)], down: [head(downs)], upCalls: n + 1, downCalls: n + 1 };
  }

  executeStmt(): Stmt {
    const { sql, undo, multiline } = this.sql();
    const up = this.execute(sql, multiline);
    return { up: [up], down: undo ? [this.execute(undo, false)] : [], upCalls: 1, downCalls: undo ? 1 : 0 };
  }

  /**
   * SQL built with Python string operations. An f-string in a loop over literals is resolved by
   * the front end (one statement per item, linted); .format, % and an f-string over a local
   * variable are reported as dynamic-sql.
   */
  dynamic(): Stmt {
    const r = this.rng;
    const ts = [this.table().name, this.table().name, this.table().name];
    const kind = r.weighted([[3, 'loop-fstring'], [2, 'format'], [1, 'percent'], [1, 'fstring-render']] as const);
    switch (kind) {
      case 'loop-fstring': {
        const col = r.pick(['updated_at', 'created_at']);
        return {
          up: [`for table in (${ts.map((t) => this.s(t)).join(', ')}):\n    op.execute(f"ALTER TABLE {table} ALTER COLUMN ${col} SET DEFAULT now()")`],
          down: [`for table in (${ts.map((t) => this.s(t)).join(', ')}):\n    op.execute(f"ALTER TABLE {table} ALTER COLUMN ${col} DROP DEFAULT")`],
          upCalls: 1, downCalls: 1,
        };
      }
      case 'format':
        return { up: [`op.execute("UPDATE {} SET status = 'active' WHERE status IS NULL".format(${this.s(ts[0]!)}))`], down: [], upCalls: 1, downCalls: 0 };
      case 'percent':
        return { up: [`op.execute("DELETE FROM %s WHERE expires_at < now()" % ${this.s(ts[0]!)})`], down: [], upCalls: 1, downCalls: 0 };
      case 'fstring-render':
        return { up: [`table = ${this.s(ts[0]!)}`, executeSql(`ANALYZE ${ts[0]}`, 'fstring-dynamic')], down: [], upCalls: 1, downCalls: 0 };
    }
  }

  /** `conn = op.get_bind()` then `conn.execute(sa.text(…), params)`. */
  bind(): Stmt {
    const r = this.rng;
    const t = this.table();
    const c = this.col(t);
    const lines = this.connBound ? [] : ['conn = op.get_bind()'];
    this.connBound = true;
    let calls = 0;
    if (r.chance(0.5)) {
      lines.push(`rows = conn.execute(sa.text(${this.s(`SELECT id FROM ${t.name} WHERE ${c.name} IS NULL LIMIT 1000`)})).fetchall()`);
      lines.push(`for row in rows:\n    conn.execute(\n        sa.text(${this.s(`UPDATE ${t.name} SET ${c.name} = ${this.fill(c)} WHERE id = :id`)}),\n        {${this.s('id')}: row.id},\n    )`);
      calls += 2;
    } else {
      lines.push(`conn.execute(sa.text(${this.s(`UPDATE ${t.name} SET ${c.name} = :value WHERE ${c.name} IS NULL`)}), {${this.s('value')}: ${this.s('unknown')}})`);
      calls += 1;
    }
    return { up: [lines.join('\n')], down: [], upCalls: calls, downCalls: 0 };
  }

  bulkInsert(): Stmt {
    const r = this.rng;
    const t = this.table();
    const var_ = `${t.name}_table`;
    const rows: string[] = [];
    const ids: number[] = [];
    for (let i = 0, n = r.int(2, 8); i < n; i++) {
      const id = this.uid();
      ids.push(id);
      rows.push(`        {${this.s('id')}: ${id}, ${this.s('name')}: ${this.s(`${r.pick(WORDS)}-${r.int(1, 999)}`)}, ${this.s('is_active')}: ${r.chance(0.7) ? 'True' : 'False'}},`);
    }
    const up = `${var_} = sa.table(\n    ${this.s(t.name)},\n    sa.column(${this.s('id')}, sa.Integer()),\n    sa.column(${this.s('name')}, sa.String()),\n    sa.column(${this.s('is_active')}, sa.Boolean()),\n)\nop.bulk_insert(\n    ${var_},\n    [\n${rows.join('\n')}\n    ],\n)`;
    return { up: [up], down: [this.execute(`DELETE FROM ${t.name} WHERE id IN (${ids.join(', ')})`, false)], upCalls: 1, downCalls: 1 };
  }

  /** ALTER TYPE … ADD VALUE must run outside a transaction. */
  enumValue(): Stmt {
    const e = this.rng.pick(ENUMS);
    const v = this.rng.pick(ENUM_VALUES);
    return { up: [autocommitBlock([this.execute(`ALTER TYPE ${e} ADD VALUE IF NOT EXISTS '${v}'`, false)])], down: [], upCalls: 1, downCalls: 0 };
  }

  /** A module-level helper called from upgrade() (the front end inlines it: one op call per call site). */
  helper(): Stmt {
    if (this.helperWritten) return this.executeStmt();
    this.helperWritten = true;
    const r = this.rng;
    const fn = `_${r.pick(['add_updated_at_trigger', 'backfill_defaults', 'grant_read'])}`;
    const sqlFor: Record<string, string> = {
      _add_updated_at_trigger: 'f"CREATE TRIGGER {table}_touch BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION set_updated_at()"',
      _backfill_defaults: 'f"UPDATE {table} SET is_active = true WHERE is_active IS NULL"',
      _grant_read: 'f"GRANT SELECT ON {table} TO readonly"',
    };
    const tables = [this.table().name, this.table().name];
    const module = [`def ${fn}(table):`, `    op.execute(${sqlFor[fn]})`, ''];
    return { up: tables.map((t) => `${fn}(${this.s(t)})`), down: [], upCalls: tables.length, downCalls: 0, module };
  }

  /** A module-level constant used by the op (the evaluator resolves names bound once). */
  constant(): Stmt {
    const t = this.table();
    const c = this.col(t);
    const name = `${t.name.toUpperCase()}_${this.uid()}`;
    const sql = `UPDATE ${t.name} SET ${c.name} = ${this.fill(c)} WHERE ${c.name} IS NULL`;
    return { up: [`op.execute(${name}_BACKFILL)`], down: [], upCalls: 1, downCalls: 0, module: [`${name}_BACKFILL = """\n${sql}\n"""`] };
  }

  statement(): Stmt {
    const kind = this.rng.weighted([
      [14, 'add_column'], [5, 'drop_column'], [10, 'alter_column'], [9, 'create_index'], [4, 'foreign_key'], [3, 'check'],
      [2, 'unique'], [5, 'create_table'], [1, 'drop_table'], [1, 'rename_table'], [7, 'batch'], [9, 'execute'],
      [2, 'dynamic'], [2, 'bind'], [1, 'bulk_insert'], [1, 'enum'], [1, 'constant'],
    ] as const);
    switch (kind) {
      case 'add_column': return this.addColumn();
      case 'drop_column': return this.dropColumn();
      case 'alter_column': return this.alterColumn();
      case 'create_index': return this.createIndex();
      case 'foreign_key': return this.foreignKey();
      case 'check': return this.check();
      case 'unique': return this.unique();
      case 'create_table': return this.createTable();
      case 'drop_table': return this.dropTable();
      case 'rename_table': return this.renameTable();
      case 'batch': return this.batch();
      case 'execute': return this.executeStmt();
      case 'dynamic': return this.dynamic();
      case 'bind': return this.bind();
      case 'bulk_insert': return this.bulkInsert();
      case 'enum': return this.enumValue();
      case 'constant': return this.constant();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Files

type Role = { kind: 'normal' } | { kind: 'branch'; merge: number } | { kind: 'merge'; merge: number };

interface FileSpec {
  revision: string;
  downRevision: string | string[] | null;
  dependsOn: string | null;
  message: string;
  slug: string;
  date: string;
  modern: boolean;
  /** Empty upgrade and downgrade (a merge point). */
  empty: boolean;
  large: boolean;
  broken: boolean;
}

const q = (w: AlembicWriter, x: string | string[] | null) => (x === null ? 'None' : typeof x === 'string' ? w.s(x) : `(${x.map((v) => w.s(v)).join(', ')})`);

/** A revision file in the style of Alembic ≥ 1.12's autogenerate template (type-annotated header). */
function modernFile(w: AlembicWriter, f: FileSpec, up: string[], down: string[] | null, module: string[], imports: string[]): string {
  const body = (stmts: string[], gen: boolean) => {
    const inner = stmts.length ? stmts : ['pass'];
    const lines = gen ? ['# ### commands auto generated by Alembic - please adjust! ###', ...inner, '# ### end Alembic commands ###'] : inner;
    return lines.map((s) => s.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n')).join('\n');
  };
  const gen = !f.empty && w.rng.chance(0.6);
  const revises = f.downRevision === null ? '' : typeof f.downRevision === 'string' ? f.downRevision : f.downRevision.join(', ');
  const out = [
    `"""${f.message}`, '', `Revision ID: ${f.revision}`, `Revises: ${revises}`, `Create Date: ${f.date}`, '', '"""',
    'from typing import Sequence, Union', '', 'from alembic import op', 'import sqlalchemy as sa', 'from sqlalchemy.dialects import postgresql', ...imports, '',
    ...(module.length ? [...module, ''] : []),
    '# revision identifiers, used by Alembic.',
    `revision: str = ${w.s(f.revision)}`,
    `down_revision: Union[str, Sequence[str], None] = ${q(w, f.downRevision)}`,
    'branch_labels: Union[str, Sequence[str], None] = None',
    `depends_on: Union[str, Sequence[str], None] = ${f.dependsOn ? w.s(f.dependsOn) : 'None'}`,
    '', '',
    'def upgrade() -> None:',
    body(up, gen),
  ];
  if (down) out.push('', '', 'def downgrade() -> None:', body(down, gen));
  return out.join('\n') + '\n';
}

/**
 * A statement tree-sitter cannot parse (the kinds of typo a review misses); each holds one op
 * call. The brackets stay balanced, so tree-sitter's error recovery stays inside the statement
 * (an unclosed parenthesis can turn the whole module into one ERROR node and lose its header).
 */
const BROKEN = [
  'op.add_column("orders", sa.Column("note" sa.Text(), nullable=True))',
  'op.execute("UPDATE orders SET status = \'x\' WHERE id = 1"))',
  'op.alter_column("orders", "note", nullable=False,, )',
  'op.create_index("ix_orders_note", "orders", ["note"]])',
];

function revisionId(rng: Rng, used: Set<string>): string {
  for (;;) {
    let id = '';
    for (let i = 0; i < 12; i++) id += '0123456789abcdef'[rng.int(0, 15)];
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** The corpus in memory: a pure function of the options (no file system). */
export function renderAlembicCorpus(options: Omit<AlembicCorpusOptions, 'dir' | 'force'> = {}): RenderedAlembicCorpus {
  const opts = {
    seed: options.seed ?? 20240917, files: options.files ?? 2000, merges: options.merges ?? 2,
    largeFiles: options.largeFiles ?? 6, brokenFiles: options.brokenFiles ?? 3,
  };
  const rng = new Rng(opts.seed);
  const w = new AlembicWriter(rng);

  // 1. Roles: a branch of 3 revisions and 2 more on the main line, then a merge revision.
  const roles: Role[] = Array.from({ length: opts.files }, () => ({ kind: 'normal' }));
  const span = 6;
  for (let m = 0; m < opts.merges; m++) {
    const fork = Math.floor(((m + 1) * opts.files) / (opts.merges + 1));
    if (fork + span >= opts.files) break;
    for (const k of [1, 3, 5]) roles[fork + k] = { kind: 'branch', merge: m };
    roles[fork + span] = { kind: 'merge', merge: m };
  }
  const large = new Set<number>([0]);
  while (large.size < Math.min(opts.largeFiles, opts.files)) {
    const i = rng.int(1, opts.files - 1);
    if (roles[i]!.kind === 'normal') large.add(i);
  }
  const broken = new Set<number>();
  while (broken.size < Math.min(opts.brokenFiles, opts.files - large.size)) {
    const i = rng.int(1, opts.files - 1);
    if (roles[i]!.kind === 'normal' && !large.has(i)) broken.add(i);
  }

  // 2. Headers: one chain; a branch continues from its own tip, a merge joins both tips.
  const used = new Set<string>();
  const specs: FileSpec[] = [];
  let head: string | null = null;
  const branchTip = new Map<number, string>();
  const start = Date.UTC(2019, 2, 4, 9, 0, 0);
  let clock = start;
  for (let i = 0; i < opts.files; i++) {
    const rev = revisionId(rng, used);
    const role = roles[i]!;
    let down: string | string[] | null;
    if (role.kind === 'branch') {
      // The first revision of a branch forks off the main line's head (the revision before it).
      down = branchTip.get(role.merge) ?? head;
      branchTip.set(role.merge, rev);
    } else if (role.kind === 'merge') {
      down = [head!, branchTip.get(role.merge)!];
      head = rev;
    } else {
      down = head;
      head = rev;
    }
    clock += rng.int(2, 120) * 3600_000 + rng.int(0, 3599) * 1000;
    const t = w.table();
    const verb = rng.pick(VERBS);
    const slug = role.kind === 'merge' ? 'merge_heads' : large.has(i) ? `initial_schema_${t.name}` : `${verb}_${t.name}${rng.chance(0.4) ? `_${rng.pick(WORDS)}` : ''}`;
    const message = role.kind === 'merge' ? 'merge heads' : slug.replace(/_/g, ' ');
    const dependsOn = role.kind === 'normal' && i > 10 && rng.chance(0.005) ? specs[rng.int(0, i - 5)]!.revision : null;
    specs.push({
      revision: rev, downRevision: down, dependsOn, message, slug, date: new Date(clock).toISOString().replace('T', ' ').replace('Z', '000'),
      modern: rng.chance(0.6), empty: role.kind === 'merge', large: large.has(i), broken: broken.has(i),
    });
  }

  // 3. Bodies.
  const texts = new Map<string, string>();
  const calls = new Map<string, number>();
  const brokenFiles = new Set<string>();
  let brokenSeen = 0;
  for (const f of specs) {
    w.startFile(f.modern ? "'" : '"');
    const up: string[] = [];
    const down: string[] = [];
    const module: string[] = [];
    let upCalls = 0;
    let downCalls = 0;
    const add = (s: Stmt) => {
      if (s.module) module.push(...s.module);
      up.push(...s.up);
      down.unshift(...s.down);
      upCalls += s.upCalls;
      downCalls += s.downCalls;
    };
    if (f.large) {
      // A squashed initial schema: many tables with their indexes, 60–120 KB.
      const target = rng.int(60, 120) * 1024;
      for (let size = 0; size < target; ) {
        const s = w.createTable(true);
        add(s);
        size += s.up.join('\n').length + s.down.join('\n').length;
      }
    } else if (!f.empty) {
      // Heavy-tailed: most revisions do 1–3 things, a few do dozens.
      let budget = Math.max(1, Math.min(40, Math.round(Math.pow(1 - rng.next(), -0.9))));
      if (rng.chance(0.05)) {
        add(w.helper());
        budget--;
      }
      while (budget-- > 0) {
        if (rng.chance(0.06)) up.push(`# ${rng.pick(COMMENTS)}`);
        add(w.statement());
      }
    }
    const shape = f.empty || f.large ? 'mirror' : rng.weighted([[88, 'mirror'], [7, 'pass'], [3, 'raise'], [2, 'missing']] as const);
    const downBody = shape === 'mirror' ? down : shape === 'pass' ? [] : shape === 'raise' ? ['raise NotImplementedError("irreversible: rows were merged")'] : null;
    if (shape !== 'mirror') downCalls = 0;
    // A broken file ends its upgrade() with a statement that does not parse (its op call is counted as written).
    const upBody = f.broken ? [...up, BROKEN[brokenSeen++ % BROKEN.length]!] : up;
    if (f.broken) upCalls++;
    const imports = [...upBody, ...(downBody ?? [])].some((s) => s.includes('textwrap.')) ? ['import textwrap'] : [];
    const name = `${VERSIONS_DIR}/${f.revision}_${f.slug}.py`;
    const text = f.modern
      ? modernFile(w, f, upBody, downBody, module, imports)
      : renderRevision({
        revision: f.revision, downRevision: f.downRevision, message: f.message, upgrade: upBody, downgrade: downBody,
        dependsOn: f.dependsOn ? [f.dependsOn] : undefined,
        module: ['from sqlalchemy.dialects import postgresql', ...imports, ...(module.length ? ['', ...module] : [])],
      });
    texts.set(name, text);
    calls.set(name, upCalls + downCalls);
    if (f.broken) brokenFiles.add(name);
  }

  const revisions = [...texts.keys()].sort();
  const all = new Map<string, string>([
    ['alembic.ini', ALEMBIC_INI],
    ['migrations/env.py', ENV_PY],
  ]);
  for (const r of revisions) all.set(r, texts.get(r)!);
  return { texts: all, revisions, calls, broken: brokenFiles, heads: head ? [head] : [] };
}

const ALEMBIC_INI = `# Generated by migsafe's benchmark (bench/alembic-corpus.ts).
[alembic]
script_location = %(here)s/migrations
prepend_sys_path = .
version_path_separator = os
sqlalchemy.url = postgresql://app@localhost/app

[loggers]
keys = root

[logger_root]
level = WARN
handlers =
`;

const ENV_PY = `from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = None


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
`;

// ---------------------------------------------------------------------------------------------
// On disk

/**
 * Write the corpus to `dir` (an Alembic project) and return it, or reuse the one there when the
 * manifest's options, version and sha256 still match.
 */
export function generateAlembicCorpus(options: AlembicCorpusOptions): Corpus {
  const opts = {
    seed: options.seed ?? 20240917, files: options.files ?? 2000, merges: options.merges ?? 2,
    largeFiles: options.largeFiles ?? 6, brokenFiles: options.brokenFiles ?? 3, version: ALEMBIC_GENERATOR_VERSION,
  };
  const dir = options.dir;
  const manifestPath = join(dir, '..', 'alembic.manifest.json');
  if (!options.force && existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Corpus & { projectFiles: string[] };
      const all = [...m.projectFiles, ...m.files];
      if (JSON.stringify(m.options) === JSON.stringify(opts) && all.every((f) => existsSync(join(dir, f)))) {
        if (hashFiles(dir, all).sha256 === m.sha256) return { ...m, dir, reused: true };
      }
    } catch {
      /* regenerate */
    }
  }
  const r = renderAlembicCorpus(opts);
  rmSync(dir, { recursive: true, force: true });
  for (const [f, text] of r.texts) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  const projectFiles = [...r.texts.keys()].filter((f) => !r.revisions.includes(f));
  const { sha256 } = hashFiles(dir, [...projectFiles, ...r.revisions]);
  const rev = hashFiles(dir, r.revisions);
  let units = 0;
  for (const n of r.calls.values()) units += n;
  const corpus: Corpus = {
    name: 'alembic', dir, files: r.revisions, bytes: rev.bytes, units, unitName: 'operation calls', sha256,
    brokenFiles: r.broken.size, largestFile: rev.largest, options: opts, reused: false,
  };
  writeFileSync(manifestPath, JSON.stringify({ ...corpus, dir: undefined, projectFiles }, null, 1) + '\n');
  return corpus;
}

/** sha256 over file names and contents, in order; `bytes` and `largest` over the same files. */
export function hashFiles(dir: string, files: string[]): { sha256: string; bytes: number; largest: number } {
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
