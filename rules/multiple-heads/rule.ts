import { defineRule } from '../../src/engine/rule.js';

/** Findings come from the revision graph (src/sources/alembic/graph.ts), built when a project or directory is linted. */
export default defineRule({
  meta: {
    id: 'multiple-heads',
    summary: 'The revision history has more than one head, so `alembic upgrade head` refuses to run',
    severity: 'error',
    category: 'alembic',
    scope: 'graph',
    messages: {
      heads: 'Revision "{head}" is one of {count} heads ({heads}): two branches added revisions on top of the same history. `alembic upgrade head` refuses to run with several heads, so the deploy stops here.',
      unlabelled: 'Revision "{head}" is the head of a separate history without branch_labels, one of {count} heads ({heads}). `alembic upgrade head` refuses to run with several heads.',
    },
    help: 'Merge the heads: `{merge}`, review the merge revision, and commit it (independent histories need branch_labels and `alembic upgrade heads`). See `migsafe explain multiple-heads`.',
  },
  kinds: [],
  check: () => [],
});
