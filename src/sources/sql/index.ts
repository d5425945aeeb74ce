/** The SQL front end: a .sql file → Migration. */
import type { Direction, Migration } from '../../model/migration.js';
import { SourceText } from '../source-text.js';
import { analyzeSql } from './analyze.js';
import { sqlSections } from './sections.js';

export { loadSqlParser } from './parser.js';
export { analyzeSql } from './analyze.js';

export interface SqlFileOptions {
  file: string;
  text: string;
  direction?: Direction;
  /** The runner wraps the file in a transaction (e.g. assumeInTransaction in config). */
  transactional?: boolean;
}

export function loadSqlMigration(opts: SqlFileOptions, source = new SourceText(opts.text)): Migration {
  // `opts.text` may be the file with a section blanked out (sections.ts): same bytes, so `source`
  // (the file as written, for reports) and the analysis agree on every byte offset.
  const analysed = opts.text === source.text ? source : new SourceText(opts.text);
  // ignore comments: top-level ones, and those inside DO blocks and PL/pgSQL function bodies
  const analysis = analyzeSql(opts.text, (i) => analysed.byteAt(i), { directives: opts.text.includes('migsafe') });
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

/**
 * A .sql file: one migration, or two when it holds both directions (goose, sql-migrate, dbmate
 * sections: see sections.ts), whose runner then wraps each in a transaction unless told not to.
 */
export function loadSqlFile(opts: SqlFileOptions): { upgrade: Migration; downgrade: Migration | null } {
  const sections = sqlSections(opts.text);
  if (!sections) return { upgrade: loadSqlMigration(opts), downgrade: null };
  const source = new SourceText(opts.text);
  const transactional = !!opts.transactional || sections.transactional;
  return {
    upgrade: loadSqlMigration({ ...opts, text: sections.up, direction: 'upgrade', transactional }, source),
    downgrade: loadSqlMigration({ ...opts, text: sections.down, direction: 'downgrade', transactional }, source),
  };
}

export { findTarget } from '../directives.js';
