import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'drop-database',
    summary: 'DROP DATABASE destroys every table in the database',
    severity: 'error',
    category: 'dangerous',
    messages: {
      drop: 'DROP DATABASE "{name}" destroys the whole database and every row in it; there is no way back but a restore from backup.',
    },
    help: 'Never drop a database from a migration; do it by hand, after a verified backup. See `migsafe explain drop-database`.',
  },
  kinds: ['drop_object'],
  check(op) {
    if (op.objectType !== 'database') return [];
    return op.names.map((name) => ({ messageId: 'drop', data: { name } }));
  },
});
