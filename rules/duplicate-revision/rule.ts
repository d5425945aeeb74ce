import { defineRule } from '../../src/engine/rule.js';

/** Findings come from the revision graph (src/sources/alembic/graph.ts), built when a project or directory is linted. */
export default defineRule({
  meta: {
    id: 'duplicate-revision',
    summary: 'Two revision files have the same revision id',
    severity: 'error',
    category: 'alembic',
    scope: 'graph',
    messages: {
      duplicate: 'Revision id "{revision}" is also used by {others}. Alembic keeps only one file per id, so the other migration silently never runs, and the history depends on which file it happens to read last.',
    },
    help: 'Give one of the files a fresh revision id (`alembic revision` generates one) and update the down_revision of the revisions that follow it. See `migsafe explain duplicate-revision`.',
  },
  kinds: [],
  check: () => [],
});
