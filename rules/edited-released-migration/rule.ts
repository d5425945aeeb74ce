import { defineRule } from '../../src/engine/rule.js';

/** Findings come from the git changeset: the file exists in the last release and its content changed. */
export default defineRule({
  meta: {
    id: 'edited-released-migration',
    summary: 'A migration that already shipped in a release was modified',
    severity: 'error',
    category: 'dangerous',
    scope: 'release',
    messages: {
      edited: 'This migration is part of release {release} and has already run in production, but it was modified (first change at line {line}). Production will never run the edit, so the databases diverge, and fresh environments no longer reproduce production.',
      deleted: 'This migration is part of release {release} and has already run in production, but it was deleted (or renamed). Databases that ran it keep its changes while fresh environments never get them, and a tool that checks its history (Alembic\'s down_revision chain, Flyway\'s checksums) fails on the gap.',
      deletedCommitted: 'This migration is already committed at {release}, which stands in for the last release because none is configured (--release-ref, or releaseTags in the config), and it was deleted (or renamed). If that commit has been deployed, databases keep its changes while fresh environments never get them.',
      editedCommitted: 'This migration is already committed at {release}, which stands in for the last release because none is configured (--release-ref, or releaseTags in the config), and it was modified (first change at line {line}). If that commit has been deployed, production will never run the edit.',
    },
    help: 'Revert the edit and write a new migration that makes the change. See `migsafe explain edited-released-migration`.',
  },
  kinds: [],
  check: () => [],
});
