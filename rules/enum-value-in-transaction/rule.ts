import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'enum-value-in-transaction',
    summary: 'ALTER TYPE … ADD VALUE inside a transaction fails before PostgreSQL 12',
    severity: 'error',
    category: 'lock',
    messages: {
      old: 'ALTER TYPE "{type}" ADD VALUE \'{value}\' runs inside a transaction block, which PostgreSQL {pg} refuses, so the migration fails.',
    },
    help: 'Run ADD VALUE outside a transaction block (Alembic: inside autocommit_block()), or upgrade to PostgreSQL 12+, where the new value just cannot be used until the transaction commits. See `migsafe explain enum-value-in-transaction`.',
  },
  kinds: ['add_enum_value'],
  check(op, ctx) {
    // Before 12, PostgreSQL allows it when the enum type was created in the same transaction.
    if (!ctx.inTransaction || ctx.pgVersion >= 12 || ctx.isNew(op.type)) return [];
    return [{ messageId: 'old', data: { type: op.type, value: op.value, pg: ctx.pgVersion } }];
  },
});
