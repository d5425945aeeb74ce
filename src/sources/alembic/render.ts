/**
 * Writing Alembic revision files: the building blocks a corpus generator (bench/) or a test needs
 * to produce realistic revisions — header, upgrade()/downgrade(), batch and autocommit blocks,
 * op.execute() with each string style the front end reads. Pure string functions.
 *
 *   const text = renderRevision({
 *     revision: 'a1b2', downRevision: null, message: 'add users.email',
 *     upgrade: [addColumn, batchBlock('users', ['batch_op.drop_column("legacy")']), executeSql('UPDATE …', 'triple')],
 *     downgrade: ['op.drop_column("users", "email")'],
 *   });
 *   loadAlembicFile({ file, text }).opCalls  // 4 in upgrade (batch_alter_table counts) + 1
 */

export interface RevisionSpec {
  revision: string;
  /** None (base), one revision, or several (a merge). */
  downRevision: string | readonly string[] | null;
  message?: string;
  branchLabels?: readonly string[];
  dependsOn?: readonly string[];
  /** Statements of upgrade(); a statement may span several lines (it is indented as a block). Empty → `pass`. */
  upgrade: readonly string[];
  /** Statements of downgrade(); empty → `pass`. Null → no downgrade() at all. */
  downgrade: readonly string[] | null;
  /** Extra module-level lines after the imports (constants, helper functions). */
  module?: readonly string[];
}

const py = (s: string) => JSON.stringify(s); // a valid Python string literal for any text
const tuple = (xs: readonly string[]) => (xs.length === 1 ? `(${py(xs[0]!)},)` : `(${xs.map(py).join(', ')})`);
const indent = (s: string, by = '    ') => s.split('\n').map((l) => (l ? by + l : l)).join('\n');
const body = (stmts: readonly string[]) => (stmts.length ? stmts.map((s) => indent(s)).join('\n') : '    pass');

export function renderRevision(spec: RevisionSpec): string {
  const down = spec.downRevision === null ? 'None' : typeof spec.downRevision === 'string' ? py(spec.downRevision) : tuple(spec.downRevision);
  const lines = [
    `"""${(spec.message ?? spec.revision).replace(/"""/g, "'''")}`,
    '',
    `Revision ID: ${spec.revision}`,
    `Revises: ${spec.downRevision === null ? '' : typeof spec.downRevision === 'string' ? spec.downRevision : spec.downRevision.join(', ')}`,
    '"""',
    'from alembic import op',
    'import sqlalchemy as sa',
    '',
    ...(spec.module?.length ? [...spec.module, ''] : []),
    `revision = ${py(spec.revision)}`,
    `down_revision = ${down}`,
    `branch_labels = ${spec.branchLabels?.length ? tuple(spec.branchLabels) : 'None'}`,
    `depends_on = ${spec.dependsOn?.length ? tuple(spec.dependsOn) : 'None'}`,
    '',
    '',
    'def upgrade():',
    body(spec.upgrade),
  ];
  if (spec.downgrade !== null) lines.push('', '', 'def downgrade():', body(spec.downgrade));
  return lines.join('\n') + '\n';
}

/** `with op.batch_alter_table(table) as batch_op:` around statements that use `batch_op.` (the parenthesized form with `parenthesized`). */
export function batchBlock(table: string, statements: readonly string[], opts: { parenthesized?: boolean; alias?: string } = {}): string {
  const alias = opts.alias ?? 'batch_op';
  const head = opts.parenthesized ? `with (op.batch_alter_table(${py(table)}) as ${alias}):` : `with op.batch_alter_table(${py(table)}) as ${alias}:`;
  return `${head}\n${body(statements)}`;
}

/** `with op.get_context().autocommit_block():` around statements (CONCURRENTLY, ALTER TYPE … ADD VALUE). */
export function autocommitBlock(statements: readonly string[]): string {
  return `with op.get_context().autocommit_block():\n${body(statements)}`;
}

export type SqlStyle = 'plain' | 'text' | 'triple' | 'concat' | 'fstring-dynamic';

/**
 * `op.execute(…)` in the string styles real migrations use. 'fstring-dynamic' interpolates a
 * variable (it needs a `table` name in scope): dynamic-sql, unless `table` is a string constant
 * (bound once to a literal, or a loop over literals), which the front end reads as it reads `+`.
 */
export function executeSql(sql: string, style: SqlStyle = 'plain'): string {
  switch (style) {
    case 'plain':
      return `op.execute(${py(sql)})`;
    case 'text':
      return `op.execute(sa.text(${py(sql)}))`;
    case 'triple':
      return `op.execute(\n    """\n${indent(sql.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"'), '    ')}\n    """\n)`;
    case 'concat': {
      const words = sql.split(' ');
      const half = Math.max(1, Math.floor(words.length / 2));
      return `op.execute(\n    ${py(words.slice(0, half).join(' ') + ' ')}\n    ${py(words.slice(half).join(' '))}\n)`;
    }
    case 'fstring-dynamic':
      return `op.execute(f${py(sql.replace(/[{}]/g, (c) => c + c) + ' -- {table}')})`;
  }
}
