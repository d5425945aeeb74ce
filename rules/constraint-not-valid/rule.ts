import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'constraint-not-valid',
    summary: 'A CHECK or FOREIGN KEY added without NOT VALID scans the table while blocking writes',
    severity: 'error',
    category: 'lock',
    messages: {
      check: 'Adding CHECK constraint {name}on "{table}" validates every existing row while holding an ACCESS EXCLUSIVE lock: reads and writes on "{table}" wait for the full scan.',
      fk: 'Adding FOREIGN KEY {name}on "{table}" → "{references}" validates every existing row while holding SHARE ROW EXCLUSIVE locks on both tables: writes to "{table}" and "{references}" wait for the full scan.',
      inlineFk: 'Adding column "{column}" with a DEFAULT and an inline REFERENCES "{references}" makes PostgreSQL validate the foreign key for every existing row in the same statement, holding an ACCESS EXCLUSIVE lock on "{table}" and a SHARE ROW EXCLUSIVE lock on "{references}" (blocking its writes); an inline constraint cannot be marked NOT VALID.',
      alembicFk: 'op.add_column() with a ForeignKey on "{column}" makes Alembic emit a separate ALTER TABLE … ADD FOREIGN KEY, which validates every existing row while holding SHARE ROW EXCLUSIVE locks on "{table}" and "{references}": writes to both wait for the full scan.',
      inlineCheck: 'Adding column "{column}" with an inline CHECK validates the table under an ACCESS EXCLUSIVE lock, and an inline constraint cannot be marked NOT VALID.',
      validateSameTransaction: 'VALIDATE CONSTRAINT "{name}" runs in the same transaction as the ADD CONSTRAINT … NOT VALID before it, so the {lock} lock that the ADD took on "{table}" is still held for the whole validation scan: {blocked} wait for it, as if NOT VALID had not been used. Validate in a separate transaction (after a COMMIT, or in a later migration).',
    },
    help: 'Add the constraint with NOT VALID (in Alembic: postgresql_not_valid=True), then run ALTER TABLE … VALIDATE CONSTRAINT in a separate transaction; validation only takes SHARE UPDATE EXCLUSIVE. See `migsafe explain constraint-not-valid`.',
  },
  kinds: ['add_constraint', 'add_column', 'validate_constraint'],
  check(op, ctx) {
    if (ctx.isNew(op.table)) return [];
    if (op.kind === 'validate_constraint') {
      // NOT VALID then VALIDATE in one transaction (explicit BEGIN … COMMIT, or one Alembic revision
      // outside autocommit_block()): the ADD's lock is only released at COMMIT, after the scan.
      const added = ctx.addedConstraint(op.table, op.name);
      const sameStatement = !!added && added.stmt.start === op.stmt.start && added.stmt.end === op.stmt.end;
      if (!added?.notValid || !(added.sameTransaction || sameStatement)) return [];
      const fk = added.constraint === 'foreign_key';
      const blocked = fk ? `writes to "${op.table}" and to the referenced table` : `all reads and writes on "${op.table}"`;
      return [{ messageId: 'validateSameTransaction', data: { table: op.table, name: op.name, lock: fk ? 'SHARE ROW EXCLUSIVE' : 'ACCESS EXCLUSIVE', blocked } }];
    }
    // SQL `ADD COLUMN … REFERENCES` is truly inline: PostgreSQL validates it only when the new column
    // has a DEFAULT (transformAlterTableStmt's skipValidation); with none, every value is NULL and the
    // key is marked valid without a scan. Alembic's add_column() instead emits the column's foreign
    // key as a separate ALTER TABLE … ADD FOREIGN KEY, which always validates. The model marks both
    // with viaColumn, so the front end is told apart by the file (see the lead's notes).
    const alembic = /\.py$/i.test(ctx.file);
    if (op.kind === 'add_column') {
      const c = op.column;
      if (alembic || !c.references || !c.default) return [];
      return [{ messageId: 'inlineFk', data: { table: op.table, column: c.name, references: c.references } }];
    }
    if (op.notValid) return [];
    const data = { table: op.table, name: op.name ? `"${op.name}" ` : '', references: op.references ?? '?', column: op.viaColumn ?? '' };
    if (op.constraint === 'foreign_key') {
      if (!op.viaColumn) return [{ messageId: 'fk', data }];
      return alembic ? [{ messageId: 'alembicFk', data }] : [];
    }
    if (op.constraint === 'check') return [{ messageId: op.viaColumn ? 'inlineCheck' : 'check', data }];
    return [];
  },
});
