import { defineRule } from '../../src/engine/rule.js';
import { BLOCKING, lockOf } from '../../src/model/locks.js';
import { tablesOf } from '../../src/model/operation.js';

export default defineRule({
  meta: {
    id: 'require-lock-timeout',
    summary: 'A statement takes a blocking lock with no lock_timeout set',
    severity: 'warning',
    category: 'lock',
    oncePerFile: true,
    messages: {
      missing: 'This statement takes a lock in {lock} mode on "{table}" and no lock_timeout is set earlier in the migration. If a long-running query holds a conflicting lock, the migration waits in the lock queue and every later query on "{table}" queues behind it: an outage, even for a fast statement.',
    },
    help: "Start the migration with SET lock_timeout = '5s' (and a statement_timeout), and retry on timeout. See `migsafe explain require-lock-timeout`.",
  },
  kinds: [
    'add_column', 'drop_column', 'rename_column', 'rename_table', 'alter_column_type', 'set_not_null', 'drop_not_null',
    'set_default', 'drop_default', 'drop_table', 'truncate', 'drop_constraint', 'cluster', 'alter_table_set', 'add_constraint',
    'create_index', 'drop_index', 'reindex', 'vacuum', 'refresh_matview', 'detach_partition', 'lock_table',
  ],
  check(op, ctx) {
    if (ctx.lockTimeout) return [];
    const lock = lockOf(op);
    if (!lock || !BLOCKING.has(lock)) return [];
    const tables = tablesOf(op).filter((t) => !ctx.isNew(t));
    if (op.kind === 'drop_index' || op.kind === 'reindex') {
      const names = op.kind === 'drop_index' ? op.names : [op.name];
      if (names.every((n) => ctx.isNew(n))) return [];
      return [{ messageId: 'missing', data: { lock, table: names.join(', ') } }];
    }
    if (tables.length === 0) return [];
    return [{ messageId: 'missing', data: { lock, table: tables.join(', ') } }];
  },
});
