import type { Direction } from './migration.js';

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
  /** A lock_timeout (non-zero) was set earlier in the file. */
  lockTimeout: boolean;
  /** A statement_timeout (non-zero) was set earlier in the file. */
  statementTimeout: boolean;
  /** Is this table (or index) created earlier in the same migration? Such objects are exempt from lock rules. */
  isNew(name: string): boolean;
}
