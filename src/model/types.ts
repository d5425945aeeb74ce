/** Helpers for rules that look at column types wherever columns are defined. */
import type { ColumnSpec, Operation, TypeSpec } from './operation.js';

export interface TypedColumn {
  table: string;
  column: string;
  type: TypeSpec;
  spec: ColumnSpec | null;
}

/** Columns that an operation defines or retypes: CREATE TABLE columns, ADD COLUMN, ALTER … TYPE. */
export function typedColumns(op: Operation): TypedColumn[] {
  switch (op.kind) {
    case 'create_table':
      return op.columns.filter((c) => c.type).map((c) => ({ table: op.table, column: c.name, type: c.type!, spec: c }));
    case 'add_column':
      return op.column.type ? [{ table: op.table, column: op.column.name, type: op.column.type, spec: op.column }] : [];
    case 'alter_column_type':
      return op.newType ? [{ table: op.table, column: op.column, type: op.newType, spec: null }] : [];
    default:
      return [];
  }
}
