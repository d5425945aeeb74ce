import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'transaction-nesting',
    summary: 'BEGIN inside a transaction, or COMMIT inside a runner-managed transaction',
    severity: 'warning',
    category: 'lock',
    messages: {
      nested: 'BEGIN inside a transaction that is already open does not start a new one (PostgreSQL only warns), so the following COMMIT ends the outer transaction early and the rest of the migration runs outside it.',
      managed: '{action} inside a migration that its runner already wraps in a transaction ends that transaction early: the remaining steps are no longer atomic, and the runner\'s own COMMIT or version bookkeeping may fail.',
    },
    help: 'Remove the explicit BEGIN/COMMIT and let the migration runner manage the transaction; for steps that must run outside one, use a separate migration (Alembic: autocommit_block()). See `migsafe explain transaction-nesting`.',
  },
  kinds: ['transaction'],
  check(op, ctx) {
    if (op.action === 'begin' && ctx.inTransaction) return [{ messageId: 'nested' }];
    if ((op.action === 'commit' || op.action === 'rollback') && ctx.runnerTransaction)
      return [{ messageId: 'managed', data: { action: op.action.toUpperCase() } }];
    return [];
  },
});
