import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'truncate-table',
    summary: 'TRUNCATE deletes every row and takes an ACCESS EXCLUSIVE lock',
    severity: 'error',
    category: 'dangerous',
    messages: {
      truncate: 'TRUNCATE "{table}" deletes every row, with no way back but a restore once it commits, and holds an ACCESS EXCLUSIVE lock that blocks all reads and writes on "{table}" until the migration commits.{cascade}',
    },
    help: 'Delete the rows you mean to remove in batches (DELETE … WHERE id BETWEEN …), or archive the table first; never TRUNCATE … CASCADE in a migration. See `migsafe explain truncate-table`.',
  },
  kinds: ['truncate'],
  check(op, ctx) {
    return op.tables
      .filter((t) => !ctx.isNew(t))
      .map((table) => ({ messageId: 'truncate', data: { table, cascade: op.cascade ? ' CASCADE also empties, and locks, every table whose foreign keys reference it.' : '' } }));
  },
});
