import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'detach-partition-non-concurrent',
    summary: 'DETACH PARTITION without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the parent',
    severity: 'error',
    category: 'lock',
    messages: {
      detach: 'DETACH PARTITION "{partition}" from "{table}" takes an ACCESS EXCLUSIVE lock on the parent table "{table}" and on "{partition}": every query that goes through "{table}" waits, and so does everything queued behind it.',
      old: 'DETACH PARTITION "{partition}" takes an ACCESS EXCLUSIVE lock on "{table}", and PostgreSQL {pg} has no DETACH … CONCURRENTLY.',
    },
    help: 'Use ALTER TABLE … DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+), outside a transaction block. See `migsafe explain detach-partition-non-concurrent`.',
  },
  kinds: ['detach_partition'],
  check(op, ctx) {
    if (op.concurrent || ctx.isNew(op.table)) return [];
    return [{ messageId: ctx.pgVersion >= 14 ? 'detach' : 'old', data: { table: op.table, partition: op.partition, pg: ctx.pgVersion } }];
  },
});
