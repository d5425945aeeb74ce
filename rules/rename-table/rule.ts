import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'rename-table',
    summary: 'Renaming a table breaks the code that is still using the old name',
    severity: 'error',
    category: 'dangerous',
    messages: {
      rename: 'Renaming table "{table}" to "{newName}" breaks every running instance of the application that still queries "{table}", from the moment the migration commits.',
    },
    help: 'Create the new table (or an updatable view named "{newName}" over the old one), move code over, then drop the old name in a later release. See `migsafe explain rename-table`.',
  },
  kinds: ['rename_table'],
  check(op, ctx) {
    if (ctx.isNew(op.table)) return [];
    return [{ messageId: 'rename', data: { table: op.table, newName: op.newName } }];
  },
});
