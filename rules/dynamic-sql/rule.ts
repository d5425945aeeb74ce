import { defineRule } from '../../src/engine/rule.js';

/** SQL computed at run time: op.execute() (or connection.execute()) in Alembic, EXECUTE in a DO block. */
export default defineRule({
  meta: {
    id: 'dynamic-sql',
    summary: 'SQL built at run time (f-string, %, .format, a variable) cannot be checked',
    severity: 'warning',
    category: 'alembic',
    messages: {
      dynamic: 'The SQL executed here is {reason}, so migsafe cannot read it and checks none of the statements it runs: a table rewrite, a lock or a data loss in it would go unnoticed.',
    },
    help: 'Write the SQL as a string literal (one op.execute() per statement, names spelled out, or the op.* API; in a DO block, plain statements instead of EXECUTE). If it must stay dynamic, review what `alembic upgrade <rev> --sql` renders and add `# migsafe-ignore dynamic-sql -- <reason>`. See `migsafe explain dynamic-sql`.',
  },
  kinds: ['dynamic_sql'],
  check(op) {
    return [{ messageId: 'dynamic', data: { reason: op.reason } }];
  },
});
