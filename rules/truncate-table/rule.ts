import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'truncate-table',
    summary: 'TRUNCATE deletes every row and takes an ACCESS EXCLUSIVE lock',
    severity: 'error',
    category: 'dangerous',
    messages: {
      truncate: 'TRUNCATE "{table}" deletes every row with no way back but a restore{cascade}, and holds an ACCESS EXCLUSIVE lock that blocks all reads and writes on it.',
    },
    help: 'Delete the rows you mean to remove in batches (DELETE … WHERE id BETWEEN …), or archive the table first; never TRUNCATE … CASCADE in a migration. See `migsafe explain truncate-table`.',
  },
  kinds: ['truncate'],
  check(op, ctx) {
    return op.tables
      .filter((t) => !ctx.isNew(t))
      .map((table) => ({ messageId: 'truncate', data: { table, cascade: op.cascade ? '; CASCADE also empties every table that references it' : '' } }));
  },
});
