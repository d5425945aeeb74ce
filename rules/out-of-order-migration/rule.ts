import { defineRule } from '../../src/engine/rule.js';

/** Findings come from src/release/ordering.ts (SQL) and the Alembic revision graph at the base ref. */
export default defineRule({
  meta: {
    id: 'out-of-order-migration',
    summary: 'An unreleased migration sorts before, or branches off behind, the released history',
    severity: 'error',
    category: 'dangerous',
    scope: 'release',
    messages: {
      sql: 'This unreleased migration has version {version}, which sorts before {newest} (version {newestVersion}) from the last release. Databases that already ran {newest} will skip it or apply it out of order, depending on the tool.',
      alembic: 'This unreleased revision {revision} follows {down}, but the head of {base} is {head}. Merging it creates two heads (or a revision that never runs in order).',
    },
    help: 'Renumber the migration after the newest released one (SQL), or rebase the revision onto the head of the base branch, or add a merge revision with `alembic merge heads` (Alembic). See `migsafe explain out-of-order-migration`.',
  },
  kinds: [],
  check: () => [],
});
