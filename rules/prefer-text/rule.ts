import { defineRule } from '../../src/engine/rule.js';
import { typedColumns } from '../../src/model/types.js';

export default defineRule({
  meta: {
    id: 'prefer-text',
    summary: 'Prefer text (with a CHECK on length) over varchar(n)',
    severity: 'warning',
    category: 'types',
    messages: {
      varchar: 'Column "{table}"."{column}" is {type}. Changing the length limit later needs ALTER COLUMN … TYPE, which takes an ACCESS EXCLUSIVE lock (and rewrites the table when the limit shrinks); a CHECK constraint can be changed online.',
    },
    help: 'Use text with CHECK (char_length({column}) <= n), added NOT VALID and validated separately. See `migsafe explain prefer-text`.',
  },
  kinds: ['create_table', 'add_column'],
  check(op) {
    return typedColumns(op)
      .filter((c) => c.type.name === 'varchar' && c.type.mods.length > 0)
      .map((c) => ({ messageId: 'varchar', data: { table: c.table, column: c.column, type: c.type.display } }));
  },
});
