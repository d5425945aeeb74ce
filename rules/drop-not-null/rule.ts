import { defineRule } from '../../src/engine/rule.js';

/** squawk's ban-drop-not-null: code that reads the column may rely on it never being NULL. */
export default defineRule({
  meta: {
    id: 'drop-not-null',
    summary: 'Dropping NOT NULL lets NULLs into a column that running code reads as never null',
    severity: 'warning',
    category: 'dangerous',
    messages: {
      drop: 'DROP NOT NULL on "{table}"."{column}" lets new rows store NULL there. Code written against the old schema (ORM models declared nullable=False, non-optional fields, aggregates, NOT IN subqueries, unique keys) may assume it never is, and breaks on the first NULL it reads.',
    },
    help: 'Make the readers NULL-safe first (model nullable, code paths handling NULL) and release that; then drop NOT NULL. See `migsafe explain drop-not-null`.',
  },
  kinds: ['drop_not_null'],
  check(op, ctx) {
    // a downgrade that undoes a SET NOT NULL restores what the old code expects
    if (ctx.direction === 'downgrade' || ctx.isNew(op.table)) return [];
    return [{ messageId: 'drop', data: { table: op.table, column: op.column } }];
  },
});
