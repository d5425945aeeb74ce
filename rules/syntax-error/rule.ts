import { defineRule } from '../../src/engine/rule.js';

/** Findings come from the front ends (SourceProblem); this entry carries the metadata. */
export default defineRule({
  meta: {
    id: 'syntax-error',
    summary: 'The statement (or Python file) does not parse',
    severity: 'error',
    category: 'meta',
    messages: { problem: '{message}' },
    help: 'Fix the syntax; migsafe parses with the real PostgreSQL parser, so PostgreSQL would reject this too. Other statements in the file are still linted. See `migsafe explain syntax-error`.',
  },
  kinds: [],
  check: () => [],
});
