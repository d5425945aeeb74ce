import { defineRule } from '../../src/engine/rule.js';
import { typedColumns } from '../../src/model/types.js';

export default defineRule({
  meta: {
    id: 'prefer-jsonb',
    summary: 'Use jsonb, not json',
    severity: 'warning',
    category: 'types',
    messages: {
      json: 'Column "{table}"."{column}" is {type}. json has no equality operator, so DISTINCT, UNION, GROUP BY and = on this column (or SELECT DISTINCT * on the table) fail, it cannot be indexed with GIN, and converting it to jsonb later rewrites the table under an ACCESS EXCLUSIVE lock.',
    },
    help: 'Declare the column as jsonb. See `migsafe explain prefer-jsonb`.',
  },
  kinds: ['create_table', 'add_column', 'alter_column_type'],
  check(op) {
    return typedColumns(op)
      .filter((c) => c.type.name === 'json')
      .map((c) => ({ messageId: 'json', data: { table: c.table, column: c.column, type: c.type.display } }));
  },
});
