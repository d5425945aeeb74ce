import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'add-column-required',
    summary: 'Adding a NOT NULL column without a default fails on a non-empty table and breaks old inserts',
    severity: 'error',
    category: 'lock',
    messages: {
      required: 'Adding "{column}" to "{table}" as NOT NULL without a default fails outright if the table has rows, and once it exists every INSERT from code that does not know the column fails.',
    },
    help: 'Add the column as nullable (or with a constant DEFAULT), backfill it in batches, then enforce NOT NULL with a CHECK … NOT VALID + VALIDATE. See `migsafe explain add-column-required`.',
  },
  kinds: ['add_column'],
  check(op, ctx) {
    const c = op.column;
    if (ctx.isNew(op.table)) return [];
    // DEFAULT NULL is no default: PostgreSQL fills existing rows with NULL and the NOT NULL check fails.
    const hasDefault = !!c.default && !/^\s*null\s*(::.*)?$/i.test(c.default.text);
    if (!c.notNull || hasDefault || c.generated || (c.type && /serial/.test(c.type.name))) return [];
    return [{ messageId: 'required', data: { table: op.table, column: c.name } }];
  },
});
