import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'concurrent-in-transaction',
    summary: 'CONCURRENTLY cannot run inside a transaction block',
    severity: 'error',
    category: 'lock',
    messages: {
      inTx: '{what} CONCURRENTLY runs inside a transaction block here, and PostgreSQL refuses it ("cannot run inside a transaction block"), so the migration fails.',
      inFunction: '{what} CONCURRENTLY is inside a DO block or function body, which always runs inside a transaction, and PostgreSQL refuses it ("cannot be executed from a function"), so the migration fails.',
    },
    help: 'Run it outside a transaction: move it to its own migration without BEGIN/COMMIT, or in Alembic wrap it in `with op.get_context().autocommit_block():`. See `migsafe explain concurrent-in-transaction`.',
  },
  kinds: ['create_index', 'drop_index', 'reindex', 'detach_partition', 'refresh_matview'],
  check(op, ctx) {
    const what: Record<string, string> = {
      create_index: 'CREATE INDEX', drop_index: 'DROP INDEX', reindex: 'REINDEX', detach_partition: 'DETACH PARTITION',
      refresh_matview: 'REFRESH MATERIALIZED VIEW',
    };
    // REFRESH … CONCURRENTLY is allowed in a transaction; the others are not.
    if (op.kind === 'refresh_matview' || !op.concurrent) return [];
    // PostgreSQL refuses CONCURRENTLY inside a DO block or function body ("cannot be executed from a function").
    if (op.embedded) return [{ messageId: 'inFunction', data: { what: what[op.kind]! } }];
    if (!ctx.inTransaction) return [];
    return [{ messageId: 'inTx', data: { what: what[op.kind]! } }];
  },
});
