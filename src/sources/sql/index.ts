/** The SQL front end: a .sql file → Migration. */
import type { Direction, Directive, InvalidDirective, Migration } from '../../model/migration.js';
import type { Span } from '../../model/operation.js';
import { SourceText } from '../source-text.js';
import { parseDirective } from '../directives.js';
import { lex } from './lexer.js';
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
  const analysis = analyzeSql(opts.text, (i) => source.byteAt(i));
  const directives: Directive[] = [];
  const invalidDirectives: InvalidDirective[] = [];
  if (opts.text.includes('migsafe')) {
    for (const c of lex(opts.text, false).comments) {
      const d = parseDirective(c.body);
      if (!d) continue;
      const span = { start: source.byteAt(c.start), end: source.byteAt(c.end) };
      if (!d.ok) {
        invalidDirectives.push({ ...span, problem: d.problem });
        continue;
      }
      const target = d.scope === 'file' ? null : findTarget(analysis.statements, span, c.trailing);
      directives.push({ ...span, scope: d.scope, rules: d.rules, reason: d.reason, target });
    }
  }
  return {
    file: opts.file,
    source,
    language: 'sql',
    direction: opts.direction ?? 'upgrade',
    operations: analysis.operations,
    directives,
    invalidDirectives,
    problems: analysis.problems,
    transactional: !!opts.transactional,
  };
}

/**
 * A trailing comment covers the statement it follows on the same line; a comment on its own
 * line covers the next statement. Null when there is nothing to cover.
 */
export function findTarget(statements: Span[], comment: Span, trailing: boolean): Span | null {
  if (trailing) {
    let best: Span | null = null;
    for (const s of statements) if (s.start < comment.start) best = s;
    if (best) return best;
  }
  for (const s of statements) if (s.start >= comment.end) return s;
  return null;
}
