import { defineRule } from '../../src/engine/rule.js';

/** Findings come from the Alembic front end (SourceProblem): the shape of downgrade(), not an operation. */
export default defineRule({
  meta: {
    id: 'irreversible-downgrade',
    summary: 'The revision cannot be rolled back: downgrade() is missing, empty or raises',
    severity: 'warning',
    category: 'alembic',
    messages: {
      missing: 'This revision has no downgrade(), so `alembic downgrade` cannot step back over it: rolling back a bad deploy then needs a restore from backup, losing every write since.',
      empty: 'downgrade() does nothing, so a rollback marks this revision as undone while its schema changes stay in place; the next upgrade then fails or, worse, half-applies.',
      raises: 'downgrade() raises {exception}, so `alembic downgrade` stops here: rolling back a bad deploy then needs a restore from backup, losing every write since.',
    },
    help: 'Write a downgrade() that reverses upgrade() (keeping the data where you can). If the change truly cannot be undone, say so with `# migsafe-ignore-file irreversible-downgrade -- <reason>` and roll back with `migsafe rollback`, which snapshots and verifies a backup first. See `migsafe explain irreversible-downgrade`.',
  },
  kinds: [],
  check: () => [],
});
