import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'alter-domain-add-constraint',
    summary: 'Adding a constraint (or NOT NULL) to a domain checks every column that uses it, under locks',
    severity: 'error',
    category: 'lock',
    messages: {
      add: 'ALTER DOMAIN "{name}" ADD CONSTRAINT checks every row of every table with a column of this domain, under a SHARE lock on each of those tables: their INSERTs, UPDATEs and DELETEs wait until the transaction ends.',
      notNull: 'ALTER DOMAIN "{name}" SET NOT NULL checks every row of every table with a column of this domain, under a SHARE lock on each of those tables (their INSERTs, UPDATEs and DELETEs wait until the transaction ends), and it cannot be made NOT VALID.',
    },
    help: 'Add the domain constraint NOT VALID (instant; new values are checked) and VALIDATE CONSTRAINT at a quiet time (through PostgreSQL 18 that still blocks writes during its scan); or, fully online, put a CHECK … NOT VALID on each column and validate it per table. See `migsafe explain alter-domain-add-constraint`.',
  },
  kinds: ['alter_domain_add_constraint'],
  check(op, ctx) {
    // A domain created earlier in the migration has no columns in existing tables yet.
    if (op.notValid || ctx.isNew(op.name)) return [];
    return [{ messageId: op.notNull ? 'notNull' : 'add', data: { name: op.name } }];
  },
});
