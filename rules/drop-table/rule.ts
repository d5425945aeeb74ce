import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'drop-table',
    summary: 'Dropping a table loses its data and breaks code that still uses it',
    severity: 'error',
    category: 'dangerous',
    messages: {
      drop: 'Dropping table "{table}" deletes all of its rows for good{cascade}, and code that still queries it fails. It takes an ACCESS EXCLUSIVE lock on "{table}" and on the tables whose foreign keys reference it.',
    },
    help: 'Stop using the table in code first, archive it (rename it or copy the data out), and drop it much later. See `migsafe explain drop-table`.',
  },
  kinds: ['drop_table'],
  check(op, ctx) {
    return op.tables
      .filter((t) => !ctx.isNew(t))
      .map((table) => ({ messageId: 'drop', data: { table, cascade: op.cascade ? ' (CASCADE also drops the views and foreign keys that depend on it)' : '' } }));
  },
});
