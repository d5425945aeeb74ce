import { defineRule } from '../../src/engine/rule.js';

/** Findings come from the revision graph (src/sources/alembic/graph.ts), built when a project or directory is linted. */
export default defineRule({
  meta: {
    id: 'unknown-down-revision',
    summary: 'down_revision (or depends_on) names a revision that does not exist',
    severity: 'error',
    category: 'alembic',
    scope: 'graph',
    messages: {
      down: 'down_revision of "{revision}" is "{down}", but no revision file has that id. Alembic cannot build the history, so every command (upgrade, downgrade, history) fails.',
      depends: 'depends_on of "{revision}" names "{down}", which is neither a revision id nor a branch label in this project. Alembic cannot resolve the dependency, so every command fails.',
    },
    help: 'Point down_revision at the revision this one follows (`migsafe graph` shows the history), or restore the revision file that was deleted or renamed. See `migsafe explain unknown-down-revision`.',
  },
  kinds: [],
  check: () => [],
});
