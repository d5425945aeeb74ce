import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'reindex-non-concurrent',
    summary: 'REINDEX without CONCURRENTLY blocks writes (and reads that use the index)',
    severity: 'error',
    category: 'lock',
    messages: {
      reindex: 'REINDEX {target} "{name}" without CONCURRENTLY locks out writes to the table and takes an ACCESS EXCLUSIVE lock on each index being rebuilt, so queries that use it block until the rebuild ends.',
      old: 'REINDEX {target} "{name}" blocks writes for the whole rebuild, and PostgreSQL {pg} has no REINDEX CONCURRENTLY.',
    },
    help: 'Use REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction block; before 12, CREATE INDEX CONCURRENTLY a copy and swap it in. See `migsafe explain reindex-non-concurrent`.',
  },
  kinds: ['reindex'],
  check(op, ctx) {
    if (op.concurrent || ctx.isNew(op.name)) return [];
    const data = { target: op.target.toUpperCase(), name: op.name, pg: ctx.pgVersion };
    return [{ messageId: ctx.pgVersion >= 12 ? 'reindex' : 'old', data }];
  },
});
