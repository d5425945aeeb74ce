import { defineRule } from '../../src/engine/rule.js';
import { typedColumns } from '../../src/model/types.js';

export default defineRule({
  meta: {
    id: 'prefer-timestamptz',
    summary: 'Use timestamptz, not timestamp without time zone',
    severity: 'warning',
    category: 'types',
    messages: {
      ts: 'Column "{table}"."{column}" is timestamp without time zone: values are stored as wall-clock time with no zone, so they shift meaning when a client or server time zone differs, and fixing it later means ALTER COLUMN … TYPE timestamptz under an ACCESS EXCLUSIVE lock, which rewrites the table unless the session TimeZone is UTC (PostgreSQL 12+).',
    },
    help: 'Declare the column as timestamptz (timestamp with time zone). See `migsafe explain prefer-timestamptz`.',
  },
  kinds: ['create_table', 'add_column', 'alter_column_type'],
  check(op) {
    return typedColumns(op)
      .filter((c) => c.type.name === 'timestamp')
      .map((c) => ({ messageId: 'ts', data: { table: c.table, column: c.column } }));
  },
});
