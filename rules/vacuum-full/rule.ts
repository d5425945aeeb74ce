import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'vacuum-full',
    summary: 'VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock',
    severity: 'error',
    category: 'lock',
    messages: {
      full: 'VACUUM FULL {tables}rewrites each table and all of its indexes while holding an ACCESS EXCLUSIVE lock: no reads or writes until it finishes, and it needs disk space for a full copy.',
    },
    help: 'Use plain VACUUM (no lock on reads or writes), or pg_repack / pg_squeeze to reclaim space online. See `migsafe explain vacuum-full`.',
  },
  kinds: ['vacuum'],
  check(op, ctx) {
    if (!op.full) return [];
    const tables = op.tables.filter((t) => !ctx.isNew(t));
    if (op.tables.length > 0 && tables.length === 0) return [];
    return [{ messageId: 'full', data: { tables: tables.length ? `${tables.map((t) => `"${t}"`).join(', ')} ` : '(every table) ' } }];
  },
});
