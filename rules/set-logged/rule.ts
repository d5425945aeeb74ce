import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'set-logged',
    summary: 'SET LOGGED / SET UNLOGGED / SET TABLESPACE rewrite the table under ACCESS EXCLUSIVE',
    severity: 'error',
    category: 'lock',
    messages: {
      rewrite: 'ALTER TABLE "{table}" {action} {work} while holding an ACCESS EXCLUSIVE lock: all reads and writes wait until it finishes.',
    },
    help: 'Create a new table with the wanted persistence or tablespace, copy the data in batches, and swap names in a short transaction. See `migsafe explain set-logged`.',
  },
  kinds: ['alter_table_set'],
  check(op, ctx) {
    if (op.action === 'other' || ctx.isNew(op.table)) return [];
    const action = { set_logged: 'SET LOGGED', set_unlogged: 'SET UNLOGGED', set_tablespace: 'SET TABLESPACE' }[op.action];
    const work = {
      set_logged: 'rewrites the whole table and writes all of it to WAL',
      set_unlogged: 'rewrites the whole table (and afterwards it is emptied on a crash and not replicated)',
      set_tablespace: 'copies all of the table\'s data files to the new tablespace',
    }[op.action];
    return [{ messageId: 'rewrite', data: { table: op.table, action, work } }];
  },
});
