/**
 * The lock each operation takes on an existing table, from the PostgreSQL docs
 * ("Explicit Locking", and each ALTER TABLE sub-command's lock level).
 */
import type { Operation } from './operation.js';

export type LockMode =
  | 'ACCESS SHARE' | 'ROW SHARE' | 'ROW EXCLUSIVE' | 'SHARE UPDATE EXCLUSIVE' | 'SHARE'
  | 'SHARE ROW EXCLUSIVE' | 'EXCLUSIVE' | 'ACCESS EXCLUSIVE';

/** Modes that block writes (SHARE and above). ACCESS EXCLUSIVE also blocks reads. */
export const BLOCKING: ReadonlySet<LockMode> = new Set(['SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE']);

export function lockOf(op: Operation): LockMode | null {
  switch (op.kind) {
    case 'add_column':
    case 'drop_column':
    case 'rename_column':
    case 'rename_table':
    case 'alter_column_type':
    case 'set_not_null':
    case 'drop_not_null':
    case 'set_default':
    case 'drop_default':
    case 'drop_table':
    case 'truncate':
    case 'drop_constraint':
    case 'cluster':
    case 'alter_table_set':
      return 'ACCESS EXCLUSIVE';
    case 'add_constraint':
      return op.constraint === 'foreign_key' ? 'SHARE ROW EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'validate_constraint':
      return 'SHARE UPDATE EXCLUSIVE';
    case 'create_index':
      return op.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE';
    case 'drop_index':
      return op.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'reindex':
      return op.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'vacuum':
      return op.full ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE';
    case 'refresh_matview':
      return op.concurrent ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'detach_partition':
      return op.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'attach_partition':
      return 'SHARE UPDATE EXCLUSIVE';
    case 'lock_table':
      return op.mode as LockMode;
    case 'update':
    case 'delete':
    case 'insert':
    case 'load_data':
      return 'ROW EXCLUSIVE';
    default:
      return null;
  }
}
