import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'constraint-not-valid',
    summary: 'A CHECK or FOREIGN KEY added without NOT VALID scans the table while blocking writes',
    severity: 'error',
    category: 'lock',
    messages: {
      check: 'Adding CHECK constraint {name}on "{table}" validates every existing row while holding an ACCESS EXCLUSIVE lock: reads and writes on "{table}" wait for the full scan.',
      fk: 'Adding FOREIGN KEY {name}on "{table}" → "{references}" validates every existing row while holding SHARE ROW EXCLUSIVE locks on both tables: writes to "{table}" and "{references}" wait for the full scan.',
      inlineFk: 'Adding column "{column}" with an inline REFERENCES "{references}" takes SHARE ROW EXCLUSIVE locks on "{table}" and "{references}" and cannot be marked NOT VALID.',
      inlineCheck: 'Adding column "{column}" with an inline CHECK validates the table under an ACCESS EXCLUSIVE lock, and an inline constraint cannot be marked NOT VALID.',
    },
    help: 'Add the constraint with NOT VALID (in Alembic: postgresql_not_valid=True), then run ALTER TABLE … VALIDATE CONSTRAINT in a separate transaction; validation only takes SHARE UPDATE EXCLUSIVE. See `migsafe explain constraint-not-valid`.',
  },
  kinds: ['add_constraint'],
  check(op, ctx) {
    if (op.notValid || ctx.isNew(op.table)) return [];
    const data = { table: op.table, name: op.name ? `"${op.name}" ` : '', references: op.references ?? '?', column: op.viaColumn ?? '' };
    if (op.constraint === 'foreign_key') return [{ messageId: op.viaColumn ? 'inlineFk' : 'fk', data }];
    if (op.constraint === 'check') return [{ messageId: op.viaColumn ? 'inlineCheck' : 'check', data }];
    return [];
  },
});
