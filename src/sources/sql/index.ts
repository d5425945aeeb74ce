/** The SQL front end: a .sql file → Migration. */
import type { Direction, Migration } from '../../model/migration.js';
import { SourceText } from '../source-text.js';
import { analyzeSql } from './analyze.js';

export { loadSqlParser } from './parser.js';
export { analyzeSql } from './analyze.js';

export interface SqlFileOptions {
  file: string;
  text: string;
  direction?: Direction;
  /** The runner wraps the file in a transaction (e.g. assumeInTransaction in config). */
  transactional?: boolean;
}

export function loadSqlMigration(opts: SqlFileOptions): Migration {
  const source = new SourceText(opts.text);
  // ignore comments: top-level ones, and those inside DO blocks and PL/pgSQL function bodies
  const analysis = analyzeSql(opts.text, (i) => source.byteAt(i), { directives: opts.text.includes('migsafe') });
  return {
    file: opts.file,
    source,
    language: 'sql',
    direction: opts.direction ?? 'upgrade',
    operations: analysis.operations,
    directives: analysis.directives,
    invalidDirectives: analysis.invalidDirectives,
    problems: analysis.problems,
    transactional: !!opts.transactional,
  };
}

export { findTarget } from '../directives.js';
