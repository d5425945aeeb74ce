import { defineRule } from '../../src/engine/rule.js';

/** Findings are produced by the engine's suppression pass. */
export default defineRule({
  meta: {
    id: 'invalid-ignore',
    summary: 'A migsafe-ignore comment is malformed, has no reason or names an unknown rule',
    severity: 'error',
    category: 'meta',
    messages: {
      malformed: 'Malformed ignore: {problem}. It suppresses nothing.',
      unknownRule: 'The ignore names unknown rule(s) {rules}, so it suppresses nothing. Run `migsafe rules` for the list of rule ids.',
      noTarget: 'The ignore is not followed by any statement or operation, so it covers nothing.',
    },
    help: 'Write `-- migsafe-ignore <rule>[, <rule>] -- <reason>` (`#` in Python), with known rule ids and a reason. See `migsafe explain invalid-ignore`.',
  },
  kinds: [],
  check: () => [],
});
