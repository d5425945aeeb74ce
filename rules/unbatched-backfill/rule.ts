import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'unbatched-backfill',
    summary: 'UPDATE or DELETE over a whole existing table in one statement',
    severity: 'warning',
    category: 'lock',
    messages: {
      whole: '{verb} without a WHERE clause touches every row of "{table}" in one transaction: it row-locks every row (concurrent UPDATEs, DELETEs and SELECT … FOR UPDATE of any of them wait until commit), bloats it with dead tuples and can run for a long time.',
      alwaysTrue: '{verb} with a WHERE clause that is always true (such as `WHERE true` or `WHERE 1 = 1`) filters nothing: it touches every row of "{table}" in one transaction, row-locks every row (concurrent UPDATEs, DELETEs and SELECT … FOR UPDATE of any of them wait until commit), bloats it with dead tuples and can run for a long time.',
    },
    help: 'Backfill in batches (e.g. 1,000–10,000 rows per transaction by primary-key range), outside the schema-change migration. See `migsafe explain unbatched-backfill`.',
  },
  kinds: ['update', 'delete'],
  check(op, ctx) {
    if (op.hasWhere || ctx.isNew(op.table)) return [];
    const data = { verb: op.kind === 'update' ? 'UPDATE' : 'DELETE', table: op.table };
    return [{ messageId: op.whereAlwaysTrue ? 'alwaysTrue' : 'whole', data }];
  },
});
