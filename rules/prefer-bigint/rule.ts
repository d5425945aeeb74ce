import { defineRule } from '../../src/engine/rule.js';
import { typedColumns } from '../../src/model/types.js';

const SMALL = new Set(['int4', 'int2', 'integer', 'smallint', 'int', 'serial', 'serial4', 'smallserial', 'serial2']);

export default defineRule({
  meta: {
    id: 'prefer-bigint',
    summary: 'Primary keys and identity columns should be bigint',
    severity: 'warning',
    category: 'types',
    messages: {
      small: 'Key column "{table}"."{column}" is {type}, which runs out at {limit} ids. Widening it later to bigint rewrites the table and every index on it under an ACCESS EXCLUSIVE lock.',
    },
    help: 'Use bigint (bigint GENERATED ALWAYS AS IDENTITY, or bigserial) for keys and the columns that reference them. See `migsafe explain prefer-bigint`.',
  },
  kinds: ['create_table', 'add_column', 'alter_column_type'],
  check(op) {
    return typedColumns(op)
      .filter((c) => SMALL.has(c.type.name) && (c.spec?.primaryKey || c.spec?.generated === 'identity' || /serial/.test(c.type.name)))
      .map((c) => ({
        messageId: 'small',
        data: { table: c.table, column: c.column, type: c.type.display, limit: /int2|small/.test(c.type.name) ? '32,767' : '2,147,483,647' },
      }));
  },
});
