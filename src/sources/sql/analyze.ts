/**
 * SQL text → operations, statement spans and syntax problems.
 * Used for .sql files and for SQL embedded in Alembic files (op.execute).
 */
import type { Operation, Span } from '../../model/operation.js';
import type { SourceProblem } from '../../model/migration.js';
import { SourceText } from '../source-text.js';
import { lex, maskCopyData, skipTrivia } from './lexer.js';
import { convertStatement, withSpan, type OpBody } from './convert.js';
import { parseSql, plpgsqlStatements, SqlSyntaxError, type RawStmt } from './parser.js';

export interface SqlAnalysis {
  operations: Operation[];
  problems: SourceProblem[];
  /** Top-level statement spans in file bytes, in order. */
  statements: Span[];
}

/** Maps a UTF-16 index in the analysed SQL string to a byte offset in the migration file. */
export type ToFile = (charIndex: number) => number;

const DML = new Set(['update', 'delete', 'insert']);

export function analyzeSql(source: string, toFile: ToFile): SqlAnalysis {
  const out: SqlAnalysis = { operations: [], problems: [], statements: [] };
  // COPY … FROM STDIN rows (pg_dump style, up to `\.`) are data, not SQL: blank them out, keeping every index.
  const sql = /stdin/i.test(source) ? maskCopyData(source, lex(source, false).copyData) : source;
  const src = new SourceText(sql);
  let stmts: RawStmt[] | null = null;
  try {
    stmts = parseSql(sql);
  } catch (e) {
    if (!(e instanceof SqlSyntaxError)) throw e;
  }
  if (stmts) {
    for (const raw of stmts) {
      const b0 = raw.stmt_location ?? 0;
      const b1 = raw.stmt_len ? b0 + raw.stmt_len : src.byteLength;
      const c0 = skipTrivia(sql, src.charAt(b0), src.charAt(b1));
      const c1 = trimEnd(sql, c0, src.charAt(b1));
      handle(sql, raw.stmt, c0, c1, toFile, out);
    }
    return out;
  }
  // Whole-file parse failed: split, and parse statement by statement so the good ones are still linted.
  // (lex the original: it skips COPY data itself, and the blanked text has lost the `\.` that ends it)
  const lexed = lex(source);
  for (const st of lexed.statements) {
    const text = sql.slice(st.start, st.end);
    let parsed: RawStmt[];
    try {
      parsed = parseSql(text);
    } catch (e) {
      if (!(e instanceof SqlSyntaxError)) throw e;
      const at = st.start + (e.position >= 0 ? Math.min(e.position, text.length) : 0);
      const span = { start: toFile(st.start), end: toFile(st.end) };
      out.statements.push(span);
      out.problems.push({ rule: 'syntax-error', message: e.message, start: toFile(at), end: toFile(Math.min(at + 1, st.end)) });
      continue;
    }
    const local = new SourceText(text);
    for (const raw of parsed) {
      const b0 = raw.stmt_location ?? 0;
      const b1 = raw.stmt_len ? b0 + raw.stmt_len : local.byteLength;
      const c0 = st.start + skipTrivia(text, local.charAt(b0), local.charAt(b1));
      const c1 = trimEnd(sql, c0, st.start + local.charAt(b1));
      handle(sql, raw.stmt, c0, c1, toFile, out);
    }
  }
  // PostgreSQL would read the rest of the file as part of the comment (comments nest): nothing after it runs.
  const open = lexed.unterminatedComment;
  if (open >= 0) out.problems.push({ rule: 'syntax-error', message: 'unterminated /* comment: everything after it is part of the comment', start: toFile(open), end: toFile(open + 2) });
  return out;
}

function trimEnd(s: string, start: number, end: number): number {
  while (end > start && /\s|;/.test(s[end - 1]!)) end--;
  return end;
}

function handle(sql: string, node: Record<string, any>, c0: number, c1: number, toFile: ToFile, out: SqlAnalysis): void {
  const stmt = { start: toFile(c0), end: toFile(c1) };
  out.statements.push(stmt);
  const type = Object.keys(node)[0];
  if (type === 'DoStmt' || (type === 'CreateFunctionStmt' && isPlpgsql(node.CreateFunctionStmt))) {
    if (type === 'CreateFunctionStmt') for (const b of convertStatement(node)) out.operations.push(withSpan(b, stmt, stmt));
    embedded(sql, c0, c1, type === 'DoStmt', toFile, out, stmt);
    return;
  }
  for (const b of convertStatement(node)) out.operations.push(withSpan(b, stmt, stmt));
}

function isPlpgsql(fn: any): boolean {
  const lang = (fn.options ?? []).find((o: any) => o?.DefElem?.defname === 'language');
  return String(lang?.DefElem?.arg?.String?.sval ?? '').toLowerCase() === 'plpgsql';
}

/**
 * Statements inside a DO block or PL/pgSQL function body. DO bodies run during the migration, so
 * everything in them is linted. Function bodies run later, when called: their DDL is linted, their
 * row changes (UPDATE/DELETE/INSERT) are not, because they are not part of the migration.
 */
function embedded(sql: string, c0: number, c1: number, isDo: boolean, toFile: ToFile, out: SqlAnalysis, outer: Span): void {
  const text = sql.slice(c0, c1);
  let found;
  try {
    found = plpgsqlStatements(text);
  } catch (e) {
    if (!(e instanceof SqlSyntaxError)) throw e;
    bodyError(e, c0, isDo, toFile, out);
    return;
  }
  let cursor = 0;
  for (const { query } of found) {
    let at = text.indexOf(query, cursor);
    if (at < 0) at = text.indexOf(query);
    const qStart = at >= 0 ? c0 + at : c0;
    if (at >= 0) cursor = at + query.length;
    let parsed: RawStmt[];
    try {
      parsed = parseSql(query);
    } catch (e) {
      if (!(e instanceof SqlSyntaxError)) throw e;
      bodyError(e, qStart, isDo, toFile, out);
      continue;
    }
    const local = new SourceText(query);
    for (const raw of parsed) {
      const b0 = raw.stmt_location ?? 0;
      const b1 = raw.stmt_len ? b0 + raw.stmt_len : local.byteLength;
      const s0 = at >= 0 ? qStart + skipTrivia(query, local.charAt(b0)) : c0;
      const s1 = at >= 0 ? qStart + local.charAt(b1) : c1;
      const span = { start: toFile(s0), end: toFile(s1) };
      const node = raw.stmt;
      for (const b of convertStatement(node) as OpBody[]) {
        if (!isDo && DML.has(b.kind)) continue;
        if (b.kind === 'transaction') continue;
        out.operations.push({ ...withSpan(b, span, outer), embedded: isDo ? 'do' : 'function' });
      }
    }
  }
}

function bodyError(e: SqlSyntaxError, base: number, isDo: boolean, toFile: ToFile, out: SqlAnalysis): void {
  const pos = base + Math.max(0, e.position);
  out.problems.push({ rule: 'syntax-error', message: `in ${isDo ? 'DO block' : 'function body'}: ${e.message}`, start: toFile(pos), end: toFile(pos + 1) });
}
