import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'drop-column',
    summary: 'Dropping a column loses its data and breaks code that still reads or writes it',
    severity: 'error',
    category: 'dangerous',
    messages: {
      drop: 'Dropping column "{column}" from "{table}" deletes its data for good, and the application code that is running during the deploy still selects and inserts it, so those queries fail. It also takes an ACCESS EXCLUSIVE lock on "{table}", blocking all reads and writes while it waits.',
    },
    help: 'Deprecate first: stop reading and writing "{column}" in code (e.g. ignored_columns), deploy that, then drop the column in a later release. See `migsafe explain drop-column`.',
  },
  kinds: ['drop_column'],
  check(op, ctx) {
    // In a downgrade, the dropped column is usually the one upgrade() added: downgrade-data-loss covers that.
    if (ctx.direction === 'downgrade') return [];
    if (ctx.isNew(op.table)) return [];
    return [{ messageId: 'drop', data: { table: op.table, column: op.column } }];
  },
});
