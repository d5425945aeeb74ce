import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'drop-table',
    summary: 'Dropping a table loses its data and breaks code that still uses it',
    severity: 'error',
    category: 'dangerous',
    messages: {
      drop: 'Dropping table "{table}" deletes all of its rows for good, and code that still queries it fails. It takes an ACCESS EXCLUSIVE lock on "{table}" and also on every table its own foreign keys point to (PostgreSQL removes the foreign-key triggers there), blocking all reads and writes on them while it waits{cascade}.',
      schema: 'DROP SCHEMA "{schema}" CASCADE drops every table in it, with all their rows, and every view, function, type and sequence, without naming any of them.',
    },
    help: 'Stop using the table in code first, archive it (rename it or copy the data out), and drop it much later. See `migsafe explain drop-table`.',
  },
  kinds: ['drop_table', 'drop_object'],
  check(op, ctx) {
    // In a downgrade, the dropped table is usually the one upgrade() created: downgrade-data-loss covers that.
    if (ctx.direction === 'downgrade') return [];
    if (op.kind === 'drop_object') {
      // without CASCADE, DROP SCHEMA fails on a schema that still has tables
      if (op.objectType !== 'schema' || !op.cascade) return [];
      return op.names.map((schema) => ({ messageId: 'schema', data: { schema } }));
    }
    return op.tables
      .filter((t) => !ctx.isNew(t))
      .map((table) => ({ messageId: 'drop', data: { table, cascade: op.cascade ? '. CASCADE also silently drops the views that depend on it and the foreign keys of other tables that point to it, locking those tables too' : '' } }));
  },
});
