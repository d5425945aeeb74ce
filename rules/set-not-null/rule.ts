import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'set-not-null',
    summary: 'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock',
    severity: 'error',
    category: 'lock',
    messages: {
      setNotNull: 'SET NOT NULL on "{table}"."{column}" scans every row to check for NULLs while holding an ACCESS EXCLUSIVE lock, so all reads and writes on "{table}" wait for the full scan.',
    },
    help: 'Add CHECK ("{column}" IS NOT NULL) NOT VALID, VALIDATE it in a separate transaction, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the CHECK. See `migsafe explain set-not-null`.',
  },
  kinds: ['set_not_null'],
  check(op, ctx) {
    if (ctx.isNew(op.table)) return [];
    return [{ messageId: 'setNotNull', data: { table: op.table, column: op.column } }];
  },
});
