import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'require-concurrent-index-drop',
    summary: 'DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table',
    severity: 'error',
    category: 'lock',
    messages: {
      drop: 'DROP INDEX {names} without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table; while it waits for running queries, every other query on that table queues behind it.',
    },
    help: 'Use DROP INDEX CONCURRENTLY, outside a transaction block (in Alembic: postgresql_concurrently=True inside autocommit_block()). See `migsafe explain require-concurrent-index-drop`.',
  },
  kinds: ['drop_index'],
  check(op, ctx) {
    // the DROP TABLE after it takes the table's ACCESS EXCLUSIVE lock anyway
    if (op.concurrent || (op.table && ctx.droppedLater(op.table))) return [];
    const names = op.names.filter((n) => !ctx.isNew(n));
    return names.length ? [{ messageId: 'drop', data: { names: names.map((n) => `"${n}"`).join(', ') } }] : [];
  },
});
