import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'rename-column',
    summary: 'Renaming a column breaks the code that is still using the old name',
    severity: 'error',
    category: 'dangerous',
    messages: {
      rename: 'Renaming "{table}"."{column}" to "{newName}" breaks every running instance of the application that still uses "{column}": their queries fail the moment the migration commits, and a rollback of the code cannot work either.',
    },
    help: 'Add "{newName}" as a new column, write to both, backfill, switch reads to "{newName}", then drop "{column}" in a later release. See `migsafe explain rename-column`.',
  },
  kinds: ['rename_column'],
  check(op, ctx) {
    if (ctx.isNew(op.table)) return [];
    return [{ messageId: 'rename', data: { table: op.table, column: op.column, newName: op.newName } }];
  },
});
