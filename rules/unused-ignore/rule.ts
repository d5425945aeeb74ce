import { defineRule } from '../../src/engine/rule.js';

/** Findings are produced by the engine's suppression pass. */
export default defineRule({
  meta: {
    id: 'unused-ignore',
    summary: 'A migsafe-ignore comment suppresses nothing',
    severity: 'warning',
    category: 'meta',
    messages: {
      unused: 'This ignore for "{rule}" matched no finding. Remove it (or it will silently hide a future problem).',
    },
    help: 'Delete the ignore, or move it to the line above the statement it is meant for. See `migsafe explain unused-ignore`.',
  },
  kinds: [],
  check: () => [],
});
