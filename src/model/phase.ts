/**
 * Expand → migrate → contract. Old code must keep working with the new schema, so contract
 * steps ship in a later release than the expand they depend on.
 *
 *   expand    additive and backward compatible
 *   migrate   data changes
 *   contract  backward incompatible: old code breaks, or data is destroyed
 *   none      no schema or data effect (SET, transaction control, maintenance)
 */
import type { Operation } from './operation.js';

export type Phase = 'expand' | 'migrate' | 'contract' | 'none';

const RENAMES_THAT_BREAK_CODE = /^(Rename(view|matview|function|procedure|routine|type|domain|sequence|schema|attribute|foreign_table)|AlterEnumRenameValue)$/;

export function phaseOf(op: Operation): Phase {
  switch (op.kind) {
    case 'create_table':
    case 'create_index':
    case 'add_constraint':
    case 'validate_constraint':
    case 'add_enum_value':
    case 'create_object':
    case 'create_domain':
    case 'set_default':
    case 'drop_not_null':
    case 'attach_partition':
      return 'expand';
    case 'add_column':
      // A NOT NULL column without a default breaks every INSERT from code that does not know it.
      return op.column.notNull && !op.column.default && !op.column.generated && !/serial/.test(op.column.type?.name ?? '') ? 'contract' : 'expand';
    case 'update':
    case 'insert':
    case 'delete':
    case 'truncate':
    case 'load_data':
      return 'migrate';
    case 'drop_column':
    case 'rename_column':
    case 'drop_table':
    case 'rename_table':
    case 'alter_column_type':
    case 'set_not_null':
    case 'drop_constraint':
    case 'drop_index':
    case 'drop_object':
    case 'drop_default':
    case 'detach_partition':
    case 'alter_domain_add_constraint':
      return 'contract';
    case 'raw':
      // renaming a view, function, type, sequence, schema or enum value breaks code that names it
      return RENAMES_THAT_BREAK_CODE.test(op.statement) ? 'contract' : 'none';
    default:
      return 'none';
  }
}

/** The column an operation is about, when it is about one. */
export function columnOf(op: Operation): string | null {
  switch (op.kind) {
    case 'add_column':
      return op.column.name;
    case 'drop_column':
    case 'rename_column':
    case 'alter_column_type':
    case 'set_not_null':
    case 'drop_not_null':
    case 'set_default':
    case 'drop_default':
      return op.column;
    default:
      return null;
  }
}

/** Short human description of an operation, for messages: "drop column users.email". */
export function describeOp(op: Operation): string {
  const col = columnOf(op);
  const t = 'table' in op && typeof op.table === 'string' ? op.table : '';
  switch (op.kind) {
    case 'add_column':
      return `add column ${t}.${col}`;
    case 'drop_column':
      return `drop column ${t}.${col}`;
    case 'rename_column':
      return `rename column ${t}.${col} to ${op.newName}`;
    case 'alter_column_type':
      return `change type of ${t}.${col}`;
    case 'set_not_null':
      return `set ${t}.${col} NOT NULL`;
    case 'drop_table':
      return `drop table ${op.tables.join(', ')}`;
    case 'rename_table':
      return `rename table ${t} to ${op.newName}`;
    case 'create_table':
      return `create table ${t}`;
    case 'create_index':
      return `create index ${op.name ?? ''} on ${t}`.replace('  ', ' ');
    case 'drop_index':
      return `drop index ${op.names.join(', ')}`;
    case 'update':
      return `update ${t}`;
    case 'delete':
      return `delete from ${t}`;
    case 'insert':
      return `insert into ${t}`;
    case 'truncate':
      return `truncate ${op.tables.join(', ')}`;
    case 'load_data':
      return `${op.via === 'merge' ? 'merge into' : 'copy into'} ${t}`;
    case 'raw':
      return op.statement === 'AlterEnumRenameValue' ? 'rename an enum value' : /^Rename/.test(op.statement) ? `rename ${op.statement.slice(6)}` : op.statement;
    case 'add_constraint':
      return `add ${op.constraint.replace('_', ' ')} constraint on ${t}`;
    case 'drop_constraint':
      return `drop constraint ${op.name} on ${t}`;
    case 'drop_object':
      return `drop ${op.objectType} ${op.names.join(', ')}`;
    default:
      return op.kind.replace(/_/g, ' ') + (t ? ` ${t}` : '');
  }
}
