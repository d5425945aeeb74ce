import type { Direction } from '../model/migration.js';
import type { ConstraintType, Span } from './operation.js';

/** A constraint added by an earlier operation of the same migration (and not dropped since). */
export interface AddedConstraint {
  constraint: ConstraintType;
  /** It was added NOT VALID. */
  notValid: boolean;
  /** It is validated now: added without NOT VALID, or validated since. */
  validated: boolean;
  /**
   * It was added in the transaction that is still open at the current operation (an explicit
   * BEGIN … COMMIT, or the runner's transaction): the ADD's lock is still held.
   */
  sameTransaction: boolean;
  /**
   * The statement the ADD was part of. Operations of one statement (ALTER TABLE … ADD …, VALIDATE …;
   * or one op.execute() string with several statements) always run in one transaction.
   */
  stmt: Span;
}

/**
 * What a rule knows about the position of an operation inside its migration.
 * The engine builds it by walking the operations in order (src/engine/context-tracker.ts).
 */
export interface MigrationContext {
  file: string;
  direction: Direction;
  pgVersion: number;
  /** The operation runs inside a transaction block (explicit BEGIN or the runner's own). */
  inTransaction: boolean;
  /** The migration runner (e.g. Alembic) holds a transaction open around this operation. */
  runnerTransaction: boolean;
  /** A lock_timeout (non-zero) was set earlier in the file, and is still in effect. */
  lockTimeout: boolean;
  /** A statement_timeout (non-zero) was set earlier in the file, and is still in effect. */
  statementTimeout: boolean;
  /**
   * The statement (span) of the latest COMMIT or ROLLBACK, or null. A BEGIN with the same
   * statement span is the new transaction of COMMIT/ROLLBACK AND CHAIN.
   */
  transactionEndedBy: Span | null;
  /**
   * Is this table (or index) created earlier in the same migration? Such objects are exempt from lock rules.
   * Names are compared as PostgreSQL identifiers: exactly, since the SQL front end already folds
   * unquoted ones to lower case (`Foo` is `foo`, `"Foo"` is not).
   */
  isNew(name: string): boolean;
  /** The constraint `name` on `table` added earlier in this migration, or null. */
  addedConstraint(table: string, name: string): AddedConstraint | null;
  /**
   * A validated CHECK (`column` IS NOT NULL) on `table`, added earlier in this migration and not
   * dropped: PostgreSQL 12+ then sets NOT NULL on the column without a scan.
   */
  notNullProven(table: string, column: string): boolean;
  /** A validated CHECK constraint on `table` was added earlier in this migration and not dropped. */
  hasValidatedCheck(table: string): boolean;
}

