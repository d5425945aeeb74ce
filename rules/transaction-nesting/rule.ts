import { defineRule } from '../../src/engine/rule.js';
import type { Operation, Span } from '../../src/model/operation.js';

const same = (a: Span | null, b: Span) => !!a && a.start === b.start && a.end === b.end;

export default defineRule({
  meta: {
    id: 'transaction-nesting',
    summary: 'BEGIN inside a transaction, COMMIT inside a runner-managed transaction, or BEGIN never committed',
    severity: 'warning',
    category: 'lock',
    messages: {
      nested: 'BEGIN inside a transaction that is already open does not start a new one (PostgreSQL only warns), so the following COMMIT ends the outer transaction early and the rest of the migration runs outside it.',
      managed: '{action} inside a migration that its runner already wraps in a transaction ends that transaction early: the remaining steps are no longer atomic, and the runner\'s own COMMIT or version bookkeeping may fail.',
      uncommitted: 'This {statement} opens a transaction that is never committed or rolled back in this file: psql rolls all of it back when the session ends, and a tool that keeps the connection open leaves the transaction open, holding every lock it took (ALTER TABLE\'s ACCESS EXCLUSIVE blocks all queries on the table) until something ends it.',
    },
    help: 'Let the migration runner manage the transaction: remove explicit BEGIN/COMMIT (for steps that must run outside one, use a separate migration; Alembic: autocommit_block()). A file that manages its own transaction must end every BEGIN with COMMIT. See `migsafe explain transaction-nesting`.',
  },
  kinds: ['transaction'],
  check(op, ctx) {
    if (op.action === 'begin') {
      // COMMIT/ROLLBACK AND CHAIN: the BEGIN half of the statement starts a fresh transaction, it is not nested
      if (same(ctx.transactionEndedBy, op.stmt)) return [];
      if (ctx.inTransaction) return [{ messageId: 'nested' }];
      return [];
    }
    if ((op.action === 'commit' || op.action === 'rollback') && ctx.runnerTransaction)
      return [{ messageId: 'managed', data: { action: op.action.toUpperCase() } }];
    return [];
  },
  /** A BEGIN after the file's last COMMIT/ROLLBACK, outside the runner's transaction, is never ended (squawk's ban-uncommitted-transaction). */
  checkMigration(ops) {
    let open: { span: Span; statement: string } | null = null;
    let prev: Operation | null = null;
    for (const { op, underTransaction } of ops) {
      if (op.kind !== 'transaction') continue;
      if (op.action === 'commit' || op.action === 'rollback') open = null;
      else if (op.action === 'begin' && !open && !underTransaction) {
        // a BEGIN nested in a transaction, or under the runner's (which commits it), is not left open
        // the BEGIN half of COMMIT/ROLLBACK AND CHAIN comes right after its COMMIT/ROLLBACK, with the same statement span
        const ended = prev?.kind === 'transaction' && (prev.action === 'commit' || prev.action === 'rollback') && same(prev.stmt, op.stmt) ? prev.action : null;
        open = { span: { start: op.start, end: op.end }, statement: ended ? `${ended.toUpperCase()} AND CHAIN` : 'BEGIN' };
      }
      prev = op;
    }
    return open ? [{ messageId: 'uncommitted', span: open.span, data: { statement: open.statement } }] : [];
  },
});
