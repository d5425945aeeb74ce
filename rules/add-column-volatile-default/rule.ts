import { defineRule } from '../../src/engine/rule.js';
import type { ColumnSpec } from '../../src/model/operation.js';

const SERIAL = /^(small|big)?serial[248]?$/;

export function rewriteReason(c: ColumnSpec, pgVersion: number): string | null {
  if (c.type && SERIAL.test(c.type.name)) return `its type ${c.type.display} adds a nextval() default, which is volatile`;
  if (c.generated === 'stored') return 'it is a stored generated column, computed for every existing row';
  if (c.generated === 'identity') return 'an identity column fills every existing row from its sequence';
  // DEFAULT NULL stores no default at all (PostgreSQL skips a NULL constant), so nothing is rewritten.
  if (!c.default || /^\s*null\s*(::.*)?$/i.test(c.default.text)) return null;
  if (pgVersion < 11) return `before PostgreSQL 11 any DEFAULT (here ${c.default.text}) rewrites the table`;
  if (c.default.volatility === 'volatile') return `its default ${c.default.text} is volatile, so PostgreSQL computes it for every existing row`;
  if (c.default.volatility === 'unknown') return `its default ${c.default.text} may be volatile (migsafe cannot prove otherwise), in which case PostgreSQL computes it for every existing row`;
  return null;
}

export default defineRule({
  meta: {
    id: 'add-column-volatile-default',
    summary: 'A column whose default must be computed per row rewrites the whole table under ACCESS EXCLUSIVE',
    severity: 'error',
    category: 'lock',
    messages: {
      rewrite: 'Adding "{column}" to "{table}" rewrites the whole table because {reason}. The rewrite holds an ACCESS EXCLUSIVE lock, so all reads and writes on "{table}" wait until it is done.',
    },
    help: 'Add the column without the default (or with a constant one), set the default in a separate statement so it applies to new rows only, then backfill existing rows in batches. See `migsafe explain add-column-volatile-default`.',
  },
  kinds: ['add_column'],
  check(op, ctx) {
    if (ctx.isNew(op.table)) return [];
    const reason = rewriteReason(op.column, ctx.pgVersion);
    return reason ? [{ messageId: 'rewrite', data: { table: op.table, column: op.column.name, reason } }] : [];
  },
});
