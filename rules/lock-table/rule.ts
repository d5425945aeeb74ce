import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'lock-table',
    summary: 'An explicit LOCK TABLE in a blocking mode stops traffic for the rest of the transaction',
    severity: 'warning',
    category: 'lock',
    messages: {
      lock: 'LOCK TABLE {tables} IN {mode} MODE blocks {blocks} on {where} until the transaction ends.',
    },
    help: 'Avoid explicit locks in migrations (pg_advisory_xact_lock serializes jobs without locking tables); if you need one, set a short lock_timeout first and keep the transaction tiny. See `migsafe explain lock-table`.',
  },
  kinds: ['lock_table'],
  check(op, ctx) {
    const blocking = ['SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'];
    if (!blocking.includes(op.mode)) return [];
    const tables = op.tables.filter((t) => !ctx.isNew(t));
    if (!tables.length) return [];
    const blocks = op.mode === 'ACCESS EXCLUSIVE' ? 'all reads and writes' : op.mode === 'EXCLUSIVE' ? 'all writes and SELECT … FOR UPDATE/SHARE (plain SELECTs still run)' : 'all writes (reads still run)';
    return [{ messageId: 'lock', data: { tables: tables.map((t) => `"${t}"`).join(', '), mode: op.mode, blocks, where: tables.length > 1 ? 'those tables' : 'the table' } }];
  },
});
