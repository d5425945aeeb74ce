import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'downgrade-data-loss',
    summary: 'The downgrade drops a column or table, or deletes rows: a rollback destroys data written since the upgrade',
    severity: 'warning',
    category: 'dangerous',
    messages: {
      column: 'Rolling back drops column "{column}" of "{table}", and with it every value written to it since the upgrade ran. A rollback usually happens under pressure, when nobody checks what it deletes.',
      table: 'Rolling back drops table "{table}", and with it every row written to it since the upgrade ran. A rollback usually happens under pressure, when nobody checks what it deletes.',
      truncate: 'Rolling back empties table "{table}" (TRUNCATE), deleting every row in it, including those written since the upgrade ran.',
      delete: 'Rolling back deletes rows from "{table}"{where}, including rows that users may have written or changed since the upgrade ran.',
    },
    help: 'Make the downgrade keep the data (copy it aside, or leave the column in place and only stop using it), and run rollbacks with `migsafe rollback`, which snapshots and verifies a restorable backup before it downgrades. See `migsafe explain downgrade-data-loss`.',
  },
  kinds: ['drop_column', 'drop_table', 'truncate', 'delete'],
  check(op, ctx) {
    if (ctx.direction !== 'downgrade') return [];
    switch (op.kind) {
      case 'drop_column':
        return ctx.isNew(op.table) ? [] : [{ messageId: 'column', data: { table: op.table, column: op.column } }];
      case 'drop_table':
        return op.tables.filter((t) => !ctx.isNew(t)).map((table) => ({ messageId: 'table', data: { table } }));
      case 'truncate':
        return op.tables.filter((t) => !ctx.isNew(t)).map((table) => ({ messageId: 'truncate', data: { table } }));
      case 'delete':
        return ctx.isNew(op.table) ? [] : [{ messageId: 'delete', data: { table: op.table, where: op.hasWhere ? '' : ' (every row: there is no WHERE)' } }];
    }
  },
});
