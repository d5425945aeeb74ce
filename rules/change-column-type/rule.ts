import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'change-column-type',
    summary: 'Changing a column type rewrites the table under ACCESS EXCLUSIVE and can break clients',
    severity: 'error',
    category: 'dangerous',
    messages: {
      change: 'Changing the type of "{table}"."{column}" to {type} takes an ACCESS EXCLUSIVE lock and, for most type changes, rewrites the whole table and its indexes while holding it: no reads or writes until it finishes. The cast may also fail or truncate values, and clients that expect the old type break.',
    },
    help: 'Add a new column with the new type, dual-write, backfill in batches, switch reads, then drop the old column later. See `migsafe explain change-column-type`.',
  },
  kinds: ['alter_column_type'],
  check(op, ctx) {
    if (ctx.isNew(op.table)) return [];
    return [{ messageId: 'change', data: { table: op.table, column: op.column, type: op.newType?.display ?? 'a new type' } }];
  },
});
