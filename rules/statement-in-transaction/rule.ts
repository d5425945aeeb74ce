import { defineRule } from '../../src/engine/rule.js';

/** Statements PostgreSQL refuses inside a transaction block (PreventInTransactionBlock in its source). */
const RAW: Record<string, string> = {
  Createdb: 'CREATE DATABASE',
  AlterSystem: 'ALTER SYSTEM',
  CreateTableSpace: 'CREATE TABLESPACE',
  DropTableSpace: 'DROP TABLESPACE',
};

export default defineRule({
  meta: {
    id: 'statement-in-transaction',
    summary: 'VACUUM, CREATE DATABASE, ALTER SYSTEM and the like cannot run inside a transaction block',
    severity: 'error',
    category: 'lock',
    messages: {
      inTx: '{what} runs inside a transaction block here, and PostgreSQL refuses it ("{what} cannot run inside a transaction block"), so the migration fails at this statement.',
      inFunction: '{what} is inside a DO block or function body, which always runs in a transaction, and PostgreSQL refuses it, so the migration fails.',
    },
    help: 'Run it outside a transaction: in its own migration without BEGIN/COMMIT, in Alembic inside `with op.get_context().autocommit_block():`, or outside the migration as a maintenance step. See `migsafe explain statement-in-transaction`.',
  },
  kinds: ['vacuum', 'reindex', 'cluster', 'drop_object', 'raw'],
  check(op, ctx) {
    let what: string | undefined;
    if (op.kind === 'vacuum') what = 'VACUUM';
    // REINDEX SCHEMA / DATABASE / SYSTEM commit per table; CLUSTER without a table clusters them all
    else if (op.kind === 'reindex' && (op.target === 'system' || op.target === 'database' || op.target === 'schema')) what = `REINDEX ${op.target.toUpperCase()}`;
    else if (op.kind === 'cluster' && op.table === null) what = 'CLUSTER without a table';
    else if (op.kind === 'drop_object' && op.objectType === 'database') what = 'DROP DATABASE';
    else if (op.kind === 'raw') what = RAW[op.statement];
    if (!what) return [];
    if (op.embedded) return [{ messageId: 'inFunction', data: { what } }];
    if (!ctx.inTransaction) return [];
    return [{ messageId: 'inTx', data: { what } }];
  },
});
