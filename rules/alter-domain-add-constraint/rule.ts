import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'alter-domain-add-constraint',
    summary: 'Adding a constraint to a domain checks every column that uses it, under locks',
    severity: 'error',
    category: 'lock',
    messages: {
      add: 'ALTER DOMAIN "{name}" ADD CONSTRAINT checks every row of every table with a column of this domain, locking those tables against writes for the scan.',
    },
    help: 'Add the domain constraint NOT VALID, then VALIDATE CONSTRAINT separately; or put a CHECK … NOT VALID on each column instead. See `migsafe explain alter-domain-add-constraint`.',
  },
  kinds: ['alter_domain_add_constraint'],
  check(op) {
    return op.notValid ? [] : [{ messageId: 'add', data: { name: op.name } }];
  },
});
