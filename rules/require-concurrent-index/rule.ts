import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'require-concurrent-index',
    summary: 'CREATE INDEX without CONCURRENTLY blocks writes for the whole build',
    severity: 'error',
    category: 'lock',
    messages: {
      create: 'Building index {name}on "{table}" without CONCURRENTLY takes a SHARE lock: every INSERT, UPDATE and DELETE on "{table}" waits until the whole index is built.',
    },
    help: 'Use CREATE INDEX CONCURRENTLY, outside a transaction block (in Alembic: postgresql_concurrently=True inside op.get_context().autocommit_block()). See `migsafe explain require-concurrent-index`.',
  },
  kinds: ['create_index'],
  check(op, ctx) {
    if (op.concurrent || ctx.isNew(op.table)) return [];
    return [{ messageId: 'create', data: { table: op.table, name: op.name ? `"${op.name}" ` : '' } }];
  },
});
