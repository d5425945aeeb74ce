import { defineRule } from '../../src/engine/rule.js';

/** Findings come from the revision graph (src/sources/alembic/graph.ts), built when a project or directory is linted. */
export default defineRule({
  meta: {
    id: 'revision-cycle',
    summary: 'down_revision (or depends_on) links form a cycle',
    severity: 'error',
    category: 'alembic',
    scope: 'graph',
    messages: {
      cycle: 'The revisions {revisions} form a cycle (in {files}): each one comes before the next. Alembic cannot order them, so every command fails with "Cycle is detected in revisions".',
    },
    help: 'Break the cycle: the down_revision (or depends_on) that points forward in history must point at the revision this one really follows (`migsafe graph` shows the history). See `migsafe explain revision-cycle`.',
  },
  kinds: [],
  check: () => [],
});
