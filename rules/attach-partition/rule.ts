import { defineRule } from '../../src/engine/rule.js';

/** ALTER TABLE parent ATTACH PARTITION child FOR VALUES …: the partition constraint is checked by a scan. */
export default defineRule({
  meta: {
    id: 'attach-partition',
    summary: 'ATTACH PARTITION scans the table being attached (and the default partition) under ACCESS EXCLUSIVE',
    severity: 'warning',
    category: 'lock',
    messages: {
      scan: 'ATTACH PARTITION "{partition}" scans every row of "{partition}" to check that it fits the partition bound, holding an ACCESS EXCLUSIVE lock on it (no reads or writes) for the whole scan; if "{table}" has a DEFAULT partition, that one is scanned and locked the same way.{parent}',
    },
    help: 'Before attaching, add a CHECK constraint on the table that matches the partition bound, NOT VALID, and VALIDATE it (that scan blocks no reads or writes); ATTACH PARTITION then skips its scan. Drop the CHECK afterwards. See `migsafe explain attach-partition`.',
  },
  kinds: ['attach_partition'],
  check(op, ctx) {
    // a table created in this migration is empty; a validated CHECK (assumed to match the bound) lets PostgreSQL skip the scan
    if (ctx.isNew(op.partition) || ctx.hasValidatedCheck(op.partition)) return [];
    const parent = ctx.pgVersion < 12 ? ` Before PostgreSQL 12 it also takes ACCESS EXCLUSIVE on "${op.table}" itself, blocking every query on the whole partitioned table.` : '';
    return [{ messageId: 'scan', data: { partition: op.partition, table: op.table, parent } }];
  },
});
