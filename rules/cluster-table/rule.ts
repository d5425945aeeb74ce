import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'cluster-table',
    summary: 'CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock',
    severity: 'error',
    category: 'lock',
    messages: {
      cluster: 'CLUSTER {table}rewrites the table in index order while holding an ACCESS EXCLUSIVE lock: all reads and writes wait until the rewrite ends.',
    },
    help: 'Do not CLUSTER in a migration; use pg_repack --order-by to reorder a table online. See `migsafe explain cluster-table`.',
  },
  kinds: ['cluster'],
  check(op, ctx) {
    if (op.table && ctx.isNew(op.table)) return [];
    return [{ messageId: 'cluster', data: { table: op.table ? `"${op.table}" ` : '(every clustered table) ' } }];
  },
});
