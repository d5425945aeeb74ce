import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'add-exclusion-constraint',
    summary: 'An exclusion constraint builds its index and checks every row under an ACCESS EXCLUSIVE lock',
    severity: 'error',
    category: 'lock',
    messages: {
      exclude: 'Adding EXCLUDE constraint {name}to "{table}" builds its index and checks every existing row while holding an ACCESS EXCLUSIVE lock, and exclusion constraints cannot be added NOT VALID or USING INDEX.',
    },
    help: 'There is no online way to add an exclusion constraint: add it while the table is new or small, or in a maintenance window; enforce the rule in a trigger on new rows meanwhile. See `migsafe explain add-exclusion-constraint`.',
  },
  kinds: ['add_constraint'],
  check(op, ctx) {
    if (op.constraint !== 'exclusion' || ctx.isNew(op.table)) return [];
    return [{ messageId: 'exclude', data: { table: op.table, name: op.name ? `"${op.name}" ` : '' } }];
  },
});
