import { defineRule } from '../../src/engine/rule.js';
import { typedColumns } from '../../src/model/types.js';

export default defineRule({
  meta: {
    id: 'ban-char-type',
    summary: 'Do not use char(n)',
    severity: 'warning',
    category: 'types',
    messages: {
      char: 'Column "{table}"."{column}" is {type}. char(n) pads values with spaces, which changes comparisons and lengths, wastes space, and is never faster than text in PostgreSQL.',
    },
    help: 'Use text (with a CHECK on length if needed). See `migsafe explain ban-char-type`.',
  },
  kinds: ['create_table', 'add_column', 'alter_column_type'],
  check(op) {
    return typedColumns(op)
      // char(n), character(n) and bare char all parse to bpchar. The quoted "char" type is PostgreSQL's
      // internal one-byte type: it does not pad, so it is not flagged.
      .filter((c) => c.type.name === 'bpchar')
      .map((c) => ({ messageId: 'char', data: { table: c.table, column: c.column, type: c.type.display } }));
  },
});
