import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'set-not-null',
    summary: 'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock',
    severity: 'error',
    category: 'lock',
    messages: {
      setNotNull: 'SET NOT NULL on "{table}"."{column}" scans every row to check for NULLs while holding an ACCESS EXCLUSIVE lock, so all reads and writes on "{table}" wait for the full scan.',
      addNotNull: 'Adding NOT NULL constraint {name}on "{table}"."{column}" without NOT VALID scans every row to check for NULLs while holding an ACCESS EXCLUSIVE lock, so all reads and writes on "{table}" wait for the full scan.',
    },
    help: 'Add CHECK ("{column}" IS NOT NULL) NOT VALID, VALIDATE it in a separate transaction, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the CHECK. See `migsafe explain set-not-null`.',
  },
  kinds: ['set_not_null', 'add_constraint'],
  check(op, ctx) {
    if (ctx.isNew(op.table)) return [];
    if (op.kind === 'set_not_null') return [{ messageId: 'setNotNull', data: { table: op.table, column: op.column } }];
    // PostgreSQL 18: ALTER TABLE … ADD CONSTRAINT name NOT NULL col, the same scan as SET NOT NULL.
    if (op.constraint !== 'not_null' || op.notValid || op.viaColumn) return [];
    return [{ messageId: 'addNotNull', data: { table: op.table, column: op.columns.join(', '), name: op.name ? `"${op.name}" ` : '' } }];
  },
});
