/**
 * SQL text → operations, statement spans and syntax problems.
 * Used for .sql files and for SQL embedded in Alembic files (op.execute).
 */
import type { Operation, Span } from '../../model/operation.js';
import type { Directive, InvalidDirective, SourceProblem } from '../../model/migration.js';
import { SourceText } from '../source-text.js';
import { directivesOf, type PlacedComment } from '../directives.js';
import { lex, maskCopyData, maskPlaceholders, skipTrivia, topLevelCommas, type StringConstant } from './lexer.js';
import { alterTableCommands, convertStatement, withSpan, type OpBody } from './convert.js';
import { parseSql, plpgsqlStatements, SqlSyntaxError, type RawStmt } from './parser.js';

export interface SqlAnalysis {
  operations: Operation[];
  problems: SourceProblem[];
  /** Top-level statement spans in file bytes, in order. */
  statements: Span[];
  /**
   * Ignore directives of the SQL's comments (only with `directives: true`), sorted by start. A
   * top-level comment covers a top-level statement; one inside a DO block or PL/pgSQL function
   * body covers a statement of that body (never the statement after the body).
   */
  directives: Directive[];
  invalidDirectives: InvalidDirective[];
}

export interface AnalyzeOptions {
  /** Read `migsafe-ignore` comments, top-level and inside DO / PL/pgSQL bodies. */
  directives?: boolean;
  /**
   * The text to read comments from when `source` was masked for the parser (SQLAlchemy bind
   * parameters): same length, same quotes and comments.
   */
  commentText?: string;
  /** Where comments are written in the file, when that is not where the SQL is reported (a constant's SQL). Default `toFile`. */
  commentToFile?: ToFile;
}

/** What one analysis shares with its helpers. */
interface Ctx {
  sql: string;
  /** `sql` as written (for comment text), the same length. */
  written: string;
  toFile: ToFile;
  commentToFile: ToFile;
  out: SqlAnalysis;
  directives: boolean;
  /** Every statement (top-level and in bodies), in order. */
  stmts: Stmt[];
}

/** A statement: `at` in indexes of the analysed SQL, `span` in file bytes, `outer` the span of the statement it is in (a DO block's). */
interface Stmt {
  at: Span;
  span: Span;
  outer: Span | null;
}

/** Maps a UTF-16 index in the analysed SQL string to a byte offset in the migration file. */
export type ToFile = (charIndex: number) => number;

const DML = new Set(['update', 'delete', 'insert']);
/** Statements that only read or change rows (a WITH may hold a MERGE, so it is parsed). */
const RUNTIME_ONLY = /^(?:SELECT|INSERT|UPDATE|DELETE|VALUES|TABLE)\b/i;

export function analyzeSql(source: string, toFile: ToFile, opts: AnalyzeOptions = {}): SqlAnalysis {
  const out: SqlAnalysis = { operations: [], problems: [], statements: [], directives: [], invalidDirectives: [] };
  // COPY … FROM STDIN rows (pg_dump style, up to `\.`) are data, not SQL: blank them out, keeping every index.
  const sql = /stdin/i.test(source) ? maskCopyData(source, lex(source, false).copyData) : source;
  const written = opts.commentText !== undefined && opts.commentText.length === source.length ? opts.commentText : source;
  const commentToFile = opts.commentToFile ?? toFile;
  const ctx: Ctx = { sql, written, toFile, commentToFile, out, directives: !!opts.directives, stmts: [] };
  statementsOf(ctx, source);
  if (ctx.directives) {
    // Top-level comments (the lexer skips string constants and COPY data) cover top-level statements.
    const comments = lex(written, false).comments;
    ignores(ctx, comments, ctx.stmts.filter((s) => s.outer === null));
    rejectAmbiguous(ctx);
    out.directives.sort((a, b) => a.start - b.start);
    out.invalidDirectives.sort((a, b) => a.start - b.start);
  }
  return out;
}

/**
 * An ignore covers the findings that start in its statement's span. When other statements start
 * there too (the SQL of a constant is all reported where the constant is used), it would cover
 * them as well: such an ignore is invalid rather than broader than it says.
 */
function rejectAmbiguous(ctx: Ctx): void {
  const { out } = ctx;
  const keep: Directive[] = [];
  for (const d of out.directives) {
    const t = d.target;
    // the statements in the target (a DO block's) and the one it is in are meant to be covered
    const around = t ? ctx.stmts.find((x) => x.span === t)?.outer : null;
    const clash = !!t && ctx.stmts.some((s) => s.span !== t && s.outer !== t && s.span !== around
      && s.span.start >= t.start && s.span.start <= Math.max(t.start, t.end));
    if (!clash) {
      keep.push(d);
      continue;
    }
    const rules = d.rules.join(', ');
    out.invalidDirectives.push({
      start: d.start, end: d.end,
      problem: `its statement cannot be told apart from the others in this SQL, which are all reported at the same place (where the constant is used); put "# migsafe-ignore ${rules} -- <reason>" above the call instead`,
    });
  }
  out.directives = keep;
}

/**
 * Ignore directives of `comments` (indexes of the analysed SQL), which cover `group`: the
 * top-level statements, or those of one body. Targets are found in the SQL, where the comment is
 * written; the directive is reported where the comment is in the file.
 */
function ignores(ctx: Ctx, comments: readonly { start: number; end: number; body: string; trailing: boolean }[], group: Stmt[]): void {
  if (!comments.length) return;
  const sorted = [...group].sort((a, b) => a.at.start - b.at.start);
  const byAt = new Map(sorted.map((s) => [s.at, s.span]));
  const placed: PlacedComment[] = comments.map((c) => ({ ...c, reportAt: { start: ctx.commentToFile(c.start), end: ctx.commentToFile(c.end) } }));
  directivesOf(placed, sorted.map((s) => s.at), { directives: ctx.out.directives, invalid: ctx.out.invalidDirectives }, (t) => byAt.get(t)!);
}

function statementsOf(ctx: Ctx, source: string): void {
  const { sql, toFile, out } = ctx;
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
      handle(ctx, raw.stmt, c0, c1);
    }
    return;
  }
  // Whole-file parse failed: split, and parse statement by statement so the good ones are still linted.
  // (lex the original: it skips COPY data itself, and the blanked text has lost the `\.` that ends it)
  const lexed = lex(source);
  for (const st of lexed.statements) {
    const text = sql.slice(st.start, st.end);
    let parsed: RawStmt[];
    try {
      // (placeholders are masked in place, not removed: the parse's offsets hold for `text` as written)
      parsed = parseWithPlaceholders(text);
    } catch (e) {
      if (!(e instanceof SqlSyntaxError)) throw e;
      const at = st.start + (e.position >= 0 ? Math.min(e.position, text.length) : 0);
      const span = { start: toFile(st.start), end: toFile(st.end) };
      out.statements.push(span);
      ctx.stmts.push({ at: { start: st.start, end: st.end }, span, outer: null });
      out.problems.push({ rule: 'syntax-error', message: e.message, start: toFile(at), end: toFile(Math.min(at + 1, st.end)) });
      continue;
    }
    const local = new SourceText(text);
    for (const raw of parsed) {
      const b0 = raw.stmt_location ?? 0;
      const b1 = raw.stmt_len ? b0 + raw.stmt_len : local.byteLength;
      const c0 = st.start + skipTrivia(text, local.charAt(b0), local.charAt(b1));
      const c1 = trimEnd(sql, c0, st.start + local.charAt(b1));
      handle(ctx, raw.stmt, c0, c1);
    }
  }
  // PostgreSQL would read the rest of the file as part of the comment (comments nest): nothing after it runs.
  const open = lexed.unterminatedComment;
  if (open >= 0) out.problems.push({ rule: 'syntax-error', message: 'unterminated /* comment: everything after it is part of the comment', start: toFile(open), end: toFile(open + 2) });
}

/**
 * Parse one statement; when it does not parse and uses placeholders a tool fills in (psql's
 * `OWNER TO :owner`, Flyway's `${schema}.users`, a Go template's `{{ .Namespace }}`), parse it
 * with them standing for what they stand for. Throws the statement's own syntax error when that
 * does not parse either.
 */
function parseWithPlaceholders(text: string): RawStmt[] {
  try {
    return parseSql(text);
  } catch (e) {
    const masked = e instanceof SqlSyntaxError ? maskPlaceholders(text) : null;
    if (!masked) throw e;
    try {
      return parseSql(masked);
    } catch {
      throw e;
    }
  }
}

function trimEnd(s: string, start: number, end: number): number {
  while (end > start && /\s|;/.test(s[end - 1]!)) end--;
  return end;
}

function handle(ctx: Ctx, node: Record<string, any>, c0: number, c1: number): void {
  const { toFile, out } = ctx;
  const stmt = { start: toFile(c0), end: toFile(c1) };
  out.statements.push(stmt);
  ctx.stmts.push({ at: { start: c0, end: c1 }, span: stmt, outer: null });
  const type = Object.keys(node)[0];
  if (type === 'DoStmt' || (type === 'CreateFunctionStmt' && isPlpgsql(node.CreateFunctionStmt))) {
    if (type === 'CreateFunctionStmt') for (const b of convertStatement(node)) out.operations.push(withSpan(b, stmt, stmt));
    embedded(ctx, node, c0, c1, type === 'DoStmt', stmt);
    return;
  }
  if (type === 'AlterTableStmt' && subcommands(ctx, node.AlterTableStmt, c0, c1, stmt)) return;
  for (const b of convertStatement(node)) {
    // the parse tree is the same for both spellings of REINDEX … CONCURRENTLY: tell them apart by the text
    if (b.kind === 'reindex' && b.concurrent && REINDEX_OPTION_LIST.test(ctx.sql.slice(c0, c1))) b.optionList = true;
    out.operations.push(withSpan(b, stmt, stmt));
  }
}

/** `REINDEX (…CONCURRENTLY…)`: the option list, before the target. */
const REINDEX_OPTION_LIST = /^REINDEX\s*\([^)]*\bCONCURRENTLY\b/i;

/**
 * ALTER TABLE with several subcommands: each operation is reported at its own subcommand (the
 * first one at the statement). False when the commas do not match the subcommands; the caller
 * then reports them all at the statement.
 */
function subcommands(ctx: Ctx, s: any, c0: number, c1: number, stmt: Span): boolean {
  const per = alterTableCommands(s);
  if (!per || per.length < 2) return false;
  const commas = topLevelCommas(ctx.sql, c0, c1);
  if (commas.length !== per.length - 1) return false;
  per.forEach((ops, k) => {
    const from = k === 0 ? c0 : skipTrivia(ctx.sql, commas[k - 1]! + 1, c1);
    const to = trimEnd(ctx.sql, from, k < commas.length ? commas[k]! : c1);
    const span = { start: ctx.toFile(from), end: ctx.toFile(Math.max(to, from + 1)) };
    for (const b of ops) ctx.out.operations.push(withSpan(b, span, stmt));
  });
  return true;
}

function isPlpgsql(fn: any): boolean {
  const lang = (fn.options ?? []).find((o: any) => o?.DefElem?.defname === 'language');
  return String(lang?.DefElem?.arg?.String?.sval ?? '').toLowerCase() === 'plpgsql';
}

/** The body string of a DO statement or CREATE FUNCTION (its AS), as PostgreSQL reads it. */
function bodyString(node: Record<string, any>, isDo: boolean): string | null {
  const elems: any[] = (isDo ? node.DoStmt?.args : node.CreateFunctionStmt?.options) ?? [];
  const as = elems.find((o: any) => o?.DefElem?.defname === 'as')?.DefElem?.arg;
  const sval = isDo ? as?.String?.sval : as?.List?.items?.[0]?.String?.sval;
  return typeof sval === 'string' ? sval : null;
}

/**
 * A body string located in its statement: `text` is the body as PostgreSQL reads it, `written`
 * the same from the text comments are read from, `at(i)` the statement index of its index i.
 */
interface Body {
  text: string;
  written: string;
  at: (i: number) => number;
}

/**
 * Where the body string is written in the statement `text`: the $tag$…$tag$ or '…' constant
 * whose value it is. Null when none matches (an E'…' body, say).
 */
function locateBody(text: string, value: string | null, written: string): Body | null {
  if (value === null) return null;
  for (const k of lex(text, false).strings) if (k.end - k.start >= value.length) {
    const body = decoded(text, k);
    if (body.text !== value) continue;
    // the same constant in the text comments are read from (same length, same quotes)
    return { ...body, written: written === text ? body.text : decoded(written, k).text };
  }
  return null;
}

function decoded(text: string, k: StringConstant): Omit<Body, 'written'> {
  const raw = text.slice(k.start, k.end);
  if (k.quote === 'dollar' || !raw.includes("''")) return { text: raw, at: (i) => k.start + i };
  // '' is one quote: map each character of the value to where it is written
  const pos: number[] = [];
  let value = '';
  for (let i = 0; i < raw.length; i++) {
    pos.push(k.start + i);
    value += raw[i];
    if (raw[i] === "'" && raw[i + 1] === "'") i++;
  }
  pos.push(k.end);
  return { text: value, at: (i) => pos[Math.max(0, Math.min(i, pos.length - 1))]! };
}

/** Index of the start of 1-based line `lineno` of `text` (0 when out of range). */
function lineStart(text: string, lineno: number): number {
  let at = 0;
  for (let l = 1; l < lineno; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return 0;
    at = nl + 1;
  }
  return at;
}

/**
 * Statements inside a DO block or PL/pgSQL function body. DO bodies run during the migration, so
 * everything in them is linted. Function bodies run later, when called: their DDL is linted, their
 * row changes (UPDATE/DELETE/INSERT) are not, because they are not part of the migration.
 * Ignore comments in the body cover the body's statements.
 */
function embedded(ctx: Ctx, node: Record<string, any>, c0: number, c1: number, isDo: boolean, outer: Span): void {
  const { sql } = ctx;
  const text = sql.slice(c0, c1);
  const body = locateBody(text, bodyString(node, isDo), ctx.written === sql ? text : ctx.written.slice(c0, c1));
  const targets: Stmt[] = [];
  statementsIn(ctx, text, body, c0, c1, isDo, outer, targets);
  if (ctx.directives && body) {
    // a body that does not parse has no targets: its ignores cover nothing (invalid-ignore says so)
    const comments = lex(body.written, false).comments.map((c) => ({ ...c, start: c0 + body.at(c.start), end: c0 + body.at(c.end) }));
    ignores(ctx, comments, targets);
  }
}

function statementsIn(ctx: Ctx, text: string, body: Body | null, c0: number, c1: number, isDo: boolean, outer: Span, targets: Stmt[]): void {
  const { toFile, out } = ctx;
  /**
   * Record a body statement at `at` (indexes of the analysed SQL) and return its span in the file.
   * Only a statement found where it is written can be an ignore's target.
   */
  const keep = (at: Span, target: boolean): Span => {
    const st = { at, span: { start: toFile(at.start), end: toFile(at.end) }, outer };
    ctx.stmts.push(st);
    if (target) targets.push(st);
    return st.span;
  };
  let found;
  try {
    found = plpgsqlStatements(text);
  } catch (e) {
    if (!(e instanceof SqlSyntaxError)) throw e;
    bodyError(e, c0, isDo, toFile, out);
    return;
  }
  let cursor = 0; // in the body's value when it is located, else in `text`
  for (const { query, lineno, dynamic } of found) {
    // where the query is written, as a map from its indexes to `sql` indexes (null: not found)
    let pos: ((i: number) => number) | null = null;
    if (body) {
      let at = body.text.indexOf(query, Math.max(cursor, lineStart(body.text, lineno)));
      if (at < 0) at = body.text.indexOf(query, cursor);
      if (at < 0) at = body.text.indexOf(query);
      if (at >= 0) {
        cursor = at + query.length;
        pos = (i) => c0 + body.at(at + i);
      }
    } else {
      let at = text.indexOf(query, cursor);
      if (at < 0) at = text.indexOf(query);
      if (at >= 0) {
        cursor = at + query.length;
        pos = (i) => c0 + at + i;
      }
    }
    if (dynamic) {
      // EXECUTE format(…) / 'ALTER … ' || name: runs in a DO block during the migration, unread.
      // (In a function body it runs only when the function is called, after the migration.)
      if (isDo) {
        const s0 = pos ? pos(0) : c0;
        const s1 = pos ? pos(query.length) : c1;
        const span = { start: toFile(s0), end: toFile(s1) };
        out.operations.push({ ...withSpan({ kind: 'dynamic_sql', reason: 'an EXECUTE of a string built at run time in a DO block' }, span, outer), embedded: 'do' });
      }
      continue;
    }
    if (!isDo) {
      // A query or row change in a function body runs when the function is called, so it gives no
      // operation, and the PL/pgSQL parse has already checked its syntax: only its place is kept
      // (an ignore comment above it targets it, not the next statement).
      const q0 = skipTrivia(query, 0);
      if (RUNTIME_ONLY.test(query.slice(q0, q0 + 8))) {
        let place: Span | null = pos ? { start: pos(q0), end: pos(query.trimEnd().length) } : null;
        if (!place && body) {
          // PL/pgSQL hands back `SELECT … INTO v …` without its INTO: it starts its line `lineno`
          const from = skipTrivia(body.text, lineStart(body.text, lineno));
          const eol = body.text.indexOf('\n', from);
          if (from < body.text.length) place = { start: c0 + body.at(from), end: c0 + body.at(eol < 0 ? body.text.length : eol) };
        }
        keep(place ?? { start: c0, end: c1 }, !!place);
        continue;
      }
    }
    let parsed: RawStmt[];
    try {
      parsed = parseSql(query);
    } catch (e) {
      if (!(e instanceof SqlSyntaxError)) throw e;
      bodyError(e, pos ? pos(0) : c0, isDo, toFile, out);
      continue;
    }
    const local = new SourceText(query);
    for (const raw of parsed) {
      const b0 = raw.stmt_location ?? 0;
      const b1 = raw.stmt_len ? b0 + raw.stmt_len : local.byteLength;
      const s0 = pos ? pos(skipTrivia(query, local.charAt(b0))) : c0;
      const s1 = pos ? pos(local.charAt(b1)) : c1;
      const span = keep({ start: s0, end: s1 }, !!pos);
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
