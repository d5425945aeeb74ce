import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'add-unique-constraint',
    summary: 'Adding UNIQUE or PRIMARY KEY builds an index while blocking reads and writes',
    severity: 'error',
    category: 'lock',
    messages: {
      add: 'Adding {what} {name}to "{table}" builds its unique index inside ALTER TABLE, under an ACCESS EXCLUSIVE lock: all reads and writes on "{table}" wait for the whole index build.',
      inline: 'Adding column "{column}" as {what} builds a unique index under an ACCESS EXCLUSIVE lock on "{table}".',
    },
    help: 'CREATE UNIQUE INDEX CONCURRENTLY first, then ALTER TABLE … ADD CONSTRAINT … {what} USING INDEX <index>, which only takes a brief lock. See `migsafe explain add-unique-constraint`.',
  },
  kinds: ['add_constraint'],
  check(op, ctx) {
    if (op.constraint !== 'unique' && op.constraint !== 'primary_key') return [];
    if (op.usingIndex || ctx.isNew(op.table)) return [];
    const what = op.constraint === 'unique' ? 'UNIQUE' : 'PRIMARY KEY';
    return [{ messageId: op.viaColumn ? 'inline' : 'add', data: { table: op.table, what, name: op.name ? `"${op.name}" ` : '', column: op.viaColumn ?? '' } }];
  },
});
