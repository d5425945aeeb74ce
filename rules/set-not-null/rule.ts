import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'set-not-null',
    summary: 'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock',
    severity: 'error',
    category: 'lock',
    messages: {
      setNotNull: 'SET NOT NULL on "{table}"."{column}" scans every row to check for NULLs while holding an ACCESS EXCLUSIVE lock, so all reads and writes on "{table}" wait for the full scan.',
      setNotNullBefore12: 'SET NOT NULL on "{table}"."{column}" scans every row to check for NULLs while holding an ACCESS EXCLUSIVE lock, so all reads and writes on "{table}" wait for the full scan: before PostgreSQL 12 the validated CHECK ("{column}" IS NOT NULL) does not let it skip the scan (--pg-version {pgVersion}).',
      addNotNull: 'Adding NOT NULL constraint {name}on "{table}"."{column}" without NOT VALID scans every row to check for NULLs while holding an ACCESS EXCLUSIVE lock, so all reads and writes on "{table}" wait for the full scan.',
    },
    help: 'Add CHECK ("{column}" IS NOT NULL) NOT VALID and VALIDATE it in a separate transaction; {nextStep} See `migsafe explain set-not-null`.',
  },
  kinds: ['set_not_null', 'add_constraint'],
  check(op, ctx) {
    if (ctx.isNew(op.table)) return [];
    const nextStep = nextStepFor(ctx.pgVersion);
    if (op.kind === 'set_not_null') {
      const proven = ctx.notNullProven(op.table, op.column);
      // PostgreSQL 12+: a validated CHECK (col IS NOT NULL) lets SET NOT NULL skip the scan
      if (proven && ctx.pgVersion >= 12) return [];
      const data = { table: op.table, column: op.column, nextStep, pgVersion: ctx.pgVersion };
      return [{ messageId: proven ? 'setNotNullBefore12' : 'setNotNull', data }];
    }
    // PostgreSQL 18: ALTER TABLE … ADD CONSTRAINT name NOT NULL col, the same scan as SET NOT NULL.
    if (op.constraint !== 'not_null' || op.notValid || op.viaColumn) return [];
    return [{ messageId: 'addNotNull', data: { table: op.table, column: op.columns.join(', '), name: op.name ? `"${op.name}" ` : '', nextStep } }];
  },
});

/** The step after the validated CHECK: on PostgreSQL 12+ SET NOT NULL uses it to skip the scan; before 12 it cannot. */
function nextStepFor(pgVersion: number): string {
  return pgVersion >= 12
    ? 'then SET NOT NULL (PostgreSQL 12+ skips the scan because of the validated CHECK) and drop the CHECK.'
    : 'before PostgreSQL 12 SET NOT NULL always scans, even with the CHECK, so keep the validated CHECK instead of SET NOT NULL (it enforces the same rule), or set NOT NULL after upgrading.';
}
