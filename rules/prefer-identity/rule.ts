import { defineRule } from '../../src/engine/rule.js';
import { typedColumns } from '../../src/model/types.js';

export default defineRule({
  meta: {
    id: 'prefer-identity',
    summary: 'Use identity columns instead of serial',
    severity: 'warning',
    category: 'types',
    messages: {
      serial: 'Column "{table}"."{column}" is {type}. A serial column is only a DEFAULT nextval() on a separate sequence: inserting explicit ids silently desynchronises it, roles need USAGE on the sequence as well as INSERT, CREATE TABLE … (LIKE … INCLUDING DEFAULTS) shares it, and widening the column does not widen the sequence.',
    },
    help: 'Use bigint GENERATED ALWAYS AS IDENTITY (or BY DEFAULT). See `migsafe explain prefer-identity`.',
  },
  kinds: ['create_table', 'add_column'],
  check(op) {
    return typedColumns(op)
      .filter((c) => /^(small|big)?serial[248]?$/.test(c.type.name))
      .map((c) => ({ messageId: 'serial', data: { table: c.table, column: c.column, type: c.type.display } }));
  },
});
