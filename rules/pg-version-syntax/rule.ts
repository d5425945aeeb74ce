import { defineRule, type RuleFinding } from '../../src/engine/rule.js';
import type { ColumnSpec, Operation } from '../../src/model/operation.js';

/** A piece of syntax that only exists from PostgreSQL `since` on, and what to write before that. */
interface Feature {
  feature: string;
  since: number;
  older: string;
}

const REINDEX_CONCURRENTLY: Feature = {
  feature: 'REINDEX … CONCURRENTLY', since: 12,
  older: 'CREATE INDEX CONCURRENTLY a copy of the index, DROP INDEX CONCURRENTLY the old one and rename the copy',
};
const REINDEX_CONCURRENTLY_OPTION: Feature = {
  feature: 'REINDEX (CONCURRENTLY) … (CONCURRENTLY in the option list)', since: 14,
  older: 'REINDEX TABLE CONCURRENTLY name (or INDEX / SCHEMA / DATABASE), the spelling PostgreSQL 12 and 13 accept; before 12, CREATE INDEX CONCURRENTLY a copy of the index, DROP INDEX CONCURRENTLY the old one and rename the copy',
};
const DETACH_CONCURRENTLY: Feature = {
  feature: 'ALTER TABLE … DETACH PARTITION … CONCURRENTLY', since: 14,
  older: 'a plain DETACH PARTITION (it locks the parent ACCESS EXCLUSIVE: set a short lock_timeout)',
};
const DETACH_FINALIZE: Feature = {
  feature: 'ALTER TABLE … DETACH PARTITION … FINALIZE', since: 14,
  older: 'a plain DETACH PARTITION (it locks the parent ACCESS EXCLUSIVE: set a short lock_timeout)',
};
const STORED_GENERATED: Feature = {
  feature: 'a generated column (GENERATED ALWAYS AS (…) STORED)', since: 12,
  older: 'a plain column filled by a BEFORE INSERT OR UPDATE trigger',
};
const IDENTITY: Feature = {
  feature: 'an identity column (GENERATED … AS IDENTITY)', since: 10,
  older: 'serial or bigserial',
};
const MERGE: Feature = {
  feature: 'MERGE', since: 15,
  older: 'INSERT … ON CONFLICT … DO UPDATE, with a separate UPDATE or DELETE for the other cases',
};
const NULLS_NOT_DISTINCT: Feature = {
  feature: 'UNIQUE … NULLS NOT DISTINCT', since: 15,
  older: 'a unique index on COALESCE(column, <a value that never occurs>), or a second, partial unique index WHERE column IS NULL',
};
const NOT_NULL_CONSTRAINT: Feature = {
  feature: 'ADD CONSTRAINT … NOT NULL (a named NOT NULL table constraint)', since: 18,
  older: 'ALTER COLUMN … SET NOT NULL (see set-not-null for a CHECK (column IS NOT NULL) NOT VALID constraint first)',
};
const NOT_NULL_NOT_VALID: Feature = {
  feature: 'ADD CONSTRAINT … NOT NULL … NOT VALID', since: 18,
  older: 'ADD CONSTRAINT … CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then ALTER COLUMN … SET NOT NULL (PostgreSQL 12+ skips the scan then)',
};

function virtualGenerated(pg: number): Feature {
  return {
    feature: 'a virtual generated column (GENERATED ALWAYS AS (…) without STORED, or VIRTUAL)', since: 18,
    older: pg >= 12 ? 'GENERATED ALWAYS AS (…) STORED, or compute the value in a view' : 'a plain column filled by a BEFORE INSERT OR UPDATE trigger, or compute the value in a view',
  };
}

function columnFeatures(c: ColumnSpec, pg: number): Feature[] {
  if (c.generated === 'stored') return [STORED_GENERATED];
  if (c.generated === 'virtual') return [virtualGenerated(pg)];
  if (c.generated === 'identity') return [IDENTITY];
  return [];
}

/** Every version-dependent piece of syntax the operation uses (the rule keeps those newer than the target). */
export function featuresOf(op: Operation, pg: number): Feature[] {
  switch (op.kind) {
    case 'reindex':
      if (!op.concurrent) return [];
      // the option-list spelling is newer than CONCURRENTLY itself: before 12 neither exists, so name the older one
      return [op.optionList && pg >= 12 ? REINDEX_CONCURRENTLY_OPTION : REINDEX_CONCURRENTLY];
    case 'detach_partition':
      return op.concurrent ? [DETACH_CONCURRENTLY] : [];
    case 'raw':
      return op.statement === 'DetachPartitionFinalize' ? [DETACH_FINALIZE] : [];
    case 'load_data':
      return op.via === 'merge' ? [MERGE] : [];
    case 'create_index':
      return op.nullsNotDistinct ? [NULLS_NOT_DISTINCT] : [];
    case 'add_column':
      return columnFeatures(op.column, pg);
    case 'create_table': {
      const out = op.columns.flatMap((c) => columnFeatures(c, pg));
      if (op.nullsNotDistinct) out.push(NULLS_NOT_DISTINCT);
      return out;
    }
    case 'add_constraint': {
      // An inline clause of ADD COLUMN is the column's own syntax: NOT NULL there is as old as PostgreSQL.
      if (op.constraint === 'not_null' && op.viaColumn === null) return [op.notValid ? NOT_NULL_NOT_VALID : NOT_NULL_CONSTRAINT];
      return op.nullsNotDistinct ? [NULLS_NOT_DISTINCT] : [];
    }
    default:
      return [];
  }
}

export default defineRule({
  meta: {
    id: 'pg-version-syntax',
    summary: 'Syntax the target PostgreSQL version does not have, so the migration fails there',
    severity: 'error',
    category: 'meta',
    messages: {
      unsupported: '{feature} needs PostgreSQL {since} or later, but the target is PostgreSQL {pg} (--pg-version / pgVersion): the statement fails there and the migration stops.',
    },
    help: 'If every database this migration runs on is PostgreSQL {since} or later, raise --pg-version (pgVersion in the config); otherwise use what PostgreSQL {pg} has: {older}. See `migsafe explain pg-version-syntax`.',
  },
  kinds: ['reindex', 'detach_partition', 'raw', 'load_data', 'create_index', 'add_column', 'create_table', 'add_constraint'],
  check(op, ctx) {
    const out: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const f of featuresOf(op, ctx.pgVersion)) {
      if (ctx.pgVersion >= f.since || seen.has(f.feature)) continue;
      seen.add(f.feature);
      out.push({ messageId: 'unsupported', data: { feature: f.feature, since: f.since, pg: ctx.pgVersion, older: f.older } });
    }
    return out;
  },
});
