import { defineRule } from '../../src/engine/rule.js';

/** Findings come from src/release/ordering.ts, which sees every unreleased migration in order. */
export default defineRule({
  meta: {
    id: 'contract-same-release',
    summary: 'A contract step ships in the same release as the expand or migrate step it depends on',
    severity: 'error',
    category: 'dangerous',
    scope: 'release',
    messages: {
      sameRelease: 'This migration will {op}, but "{expand}" in {file} is not released yet either. Both would deploy together, so the code running during that deploy (and the code you would roll back to) still uses what this removes.',
      createdHere: '{op} is fine: the object was created in {file}, which is not released yet, so it never reached production.',
    },
    help: 'Ship the contract step in a later release than the expand and backfill it depends on: release those, switch the code to the new schema, then contract. See `migsafe explain contract-same-release`.',
  },
  kinds: [],
  check: () => [],
});
