import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'create-domain-with-constraint',
    summary: 'Domain CHECK constraints are hard to change later without locking every table that uses them',
    severity: 'warning',
    category: 'lock',
    messages: {
      create: 'Domain "{name}" has a CHECK constraint. Changing it later means ALTER DOMAIN … ADD CONSTRAINT, which re-checks every column of this domain in every table under a SHARE lock on each of those tables (their writes wait), and through PostgreSQL 18 even NOT VALID + VALIDATE CONSTRAINT takes those locks.',
    },
    help: 'Put the CHECK on the table columns instead (where it can be added NOT VALID and validated online). See `migsafe explain create-domain-with-constraint`.',
  },
  kinds: ['create_domain'],
  check(op) {
    return op.hasConstraint ? [{ messageId: 'create', data: { name: op.name } }] : [];
  },
});
