import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'reindex-non-concurrent',
    summary: 'REINDEX without CONCURRENTLY blocks writes (and reads that use the index)',
    severity: 'error',
    category: 'lock',
    messages: {
      reindex: 'REINDEX {target}{name} without CONCURRENTLY takes a SHARE lock on the table being reindexed, so its INSERTs, UPDATEs and DELETEs wait for the whole rebuild, and an ACCESS EXCLUSIVE lock on each index being rebuilt, so queries that use it (and queries being planned on the table) wait too.',
      old: 'REINDEX {target}{name} blocks writes to the table (and queries that use the index) for the whole rebuild, and PostgreSQL {pg} has no REINDEX CONCURRENTLY.',
      system: 'REINDEX SYSTEM{name} rebuilds every system catalog index under locks that stall all other sessions, and system catalogs cannot be reindexed CONCURRENTLY; this does not belong in a migration.',
    },
    help: 'Use REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction block; before 12, CREATE INDEX CONCURRENTLY a copy and swap it in. See `migsafe explain reindex-non-concurrent`.',
  },
  kinds: ['reindex'],
  check(op, ctx) {
    if (op.concurrent || (op.name !== '' && ctx.isNew(op.name))) return [];
    // REINDEX DATABASE / SYSTEM may omit the name (PostgreSQL 16+): it means the current database.
    const data = { target: op.target.toUpperCase(), name: op.name ? ` "${op.name}"` : '', pg: ctx.pgVersion };
    if (op.target === 'system') return [{ messageId: 'system', data }];
    return [{ messageId: ctx.pgVersion >= 12 ? 'reindex' : 'old', data }];
  },
});
