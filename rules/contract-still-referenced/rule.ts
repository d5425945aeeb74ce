import { defineRule } from '../../src/engine/rule.js';

/** Findings come from src/release/references.ts (git grep at HEAD and at the release ref). */
export default defineRule({
  meta: {
    id: 'contract-still-referenced',
    summary: 'A dropped or renamed column or table is still used by application code',
    severity: 'error',
    category: 'dangerous',
    scope: 'release',
    messages: {
      head: 'This migration will {op}, but the application code {where} still uses {name}: {refs}. The new code breaks as soon as it runs against the migrated schema.',
      release: 'This migration will {op}, but the code {where} still uses {name}: {refs}. That code keeps running while the migration deploys and is what a rollback returns to, so it breaks.',
    },
    help: 'Remove every use of {name} from the code and release that first; contract in a later release. See `migsafe explain contract-still-referenced`.',
  },
  kinds: [],
  check: () => [],
});
