import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'refresh-matview-non-concurrent',
    summary: 'REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks reads of the view',
    severity: 'warning',
    category: 'lock',
    messages: {
      refresh: 'REFRESH MATERIALIZED VIEW "{name}" without CONCURRENTLY holds an ACCESS EXCLUSIVE lock on the view for the whole refresh, so every query that reads it waits.',
    },
    help: 'Create a unique index on the view once, then use REFRESH MATERIALIZED VIEW CONCURRENTLY. See `migsafe explain refresh-matview-non-concurrent`.',
  },
  kinds: ['refresh_matview'],
  check(op, ctx) {
    if (op.concurrent || !op.withData || ctx.isNew(op.name)) return [];
    return [{ messageId: 'refresh', data: { name: op.name } }];
  },
});
