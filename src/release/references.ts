/**
 * contract-still-referenced: a dropped or renamed column or table that application code still
 * uses — at HEAD (the new code breaks) and at the last release (the code running during the
 * deploy breaks, and a rollback would need the column). The release side is read from git.
 *
 * One `git grep` per side lists every file that mentions a target's name as a word, with all of
 * its lines; the file is then read here, not line by line: a SQLAlchemy attribute belongs to the
 * table of the class (or Core `Table(...)`) it is in, and SQL is matched per string literal, so a
 * query spread over lines or a schema-qualified name is found, and the same column name in
 * another table's query is not.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative } from 'node:path';
import type { Finding } from '../engine/finding.js';
import type { ActiveRule } from '../engine/lint-migration.js';
import type { GitRepo, GrepHit } from '../git/repo.js';
import type { Migration } from '../model/migration.js';
import type { Operation } from '../model/operation.js';
import { describeOp } from '../model/phase.js';
import { toPosix } from '../sources/files.js';
import { releaseFinding } from './make-finding.js';
import { compareText } from '../util/compare.js';
import { UsageError } from '../errors.js';

export interface CodeSearch {
  include: string[];
  exclude: string[];
  /** Absolute directory the globs are relative to (the config file's); unset: the repository root. */
  base?: string;
}

export const DEFAULT_CODE_SEARCH: CodeSearch = {
  include: ['**/*.py'],
  exclude: ['**/versions/**', '**/migrations/**', '**/alembic/**', '**/test/**', '**/tests/**', '**/node_modules/**'],
};

/** References listed in a message; the rest are counted ("and 4 more"). */
const SHOWN = 10;

/** What is dropped or renamed: a table, or a column of it. Names as the database has them. */
export interface TargetName {
  table: string;
  /** The schema the migration names, if any. */
  schema: string | null;
  column: string | null;
}

interface Target extends TargetName {
  op: Operation;
  m: Migration;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function qualified(name: string): { schema: string | null; table: string } {
  const parts = name.split('.');
  const table = parts.pop()!;
  return { schema: parts.pop() ?? null, table };
}

function targets(migrations: Migration[]): Target[] {
  const out: Target[] = [];
  for (const m of migrations) {
    if (m.direction !== 'upgrade') continue;
    for (const op of m.operations) {
      if (op.kind === 'drop_column' || op.kind === 'rename_column') out.push({ op, m, ...qualified(op.table), column: op.column });
      else if (op.kind === 'rename_table') out.push({ op, m, ...qualified(op.table), column: null });
      else if (op.kind === 'drop_table') for (const t of op.tables) out.push({ op, m, ...qualified(t), column: null });
    }
  }
  return out;
}

/** Glob metacharacters in a directory name are literal. */
const globLiteral = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&');

/**
 * Git pathspecs for the search. `base` (repo-relative, '' for the root) is the directory the
 * globs are relative to; migration directories are excluded literally, with all below them.
 */
export function pathspecs(search: CodeSearch, migrationDirs: string[], base = ''): string[] {
  const under = (g: string) => (base ? `${globLiteral(base)}/${g.replace(/^(\.\/)+/, '')}` : g);
  return [
    ...search.include.map((g) => `:(glob)${under(g)}`),
    ...search.exclude.map((g) => `:(exclude,glob)${under(g)}`),
    ...migrationDirs.map((d) => `:(exclude,literal)${d}`),
  ];
}

/** The real path, so that a symlinked temp or home directory compares equal to git's top level. */
function real(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

/** `abs` relative to the repository root (a real path; '' for the root itself), or null when it is outside. */
function inRepo(realRoot: string, abs: string): string | null {
  const rel = toPosix(relative(realRoot, real(abs)));
  return rel === '..' || rel.startsWith('../') || isAbsolute(rel) ? null : rel;
}

/**
 * Repo-relative directories of every migration file — released ones that are not parsed too, so
 * that their (old) uses of a column are not reported as application code.
 */
export function migrationDirsOf(root: string, files: string[]): string[] {
  const dirs = new Set<string>();
  const realRoot = real(root);
  for (const dir of new Set(files.map((abs) => dirname(abs)))) {
    const rel = inRepo(realRoot, dir);
    if (rel) dirs.add(rel);
  }
  return [...dirs].sort(compareText);
}

/** Where config globs start, repo-relative: the config file's directory must be in the repository. */
function searchBase(root: string, search: CodeSearch): string {
  if (!search.base) return '';
  const rel = inRepo(real(root), search.base);
  if (rel === null) throw new UsageError(`codeSearch globs are relative to ${search.base}, which is outside the git repository ${root}`);
  return rel;
}

interface Segment {
  /** Body of a string literal (or a SQL statement): offsets in the file text. */
  start: number;
  end: number;
}

/** Adjacent string literals (implicit concatenation, `+`), read as one piece of SQL. */
interface Unit {
  segments: Segment[];
  /** The bodies joined with a space. */
  text: string;
  /** Offset of each segment in `text`. */
  at: number[];
}

interface Syntax {
  lineComment: string;
  block: [string, string] | null;
  /** Longest first: `"""` before `"`. */
  quotes: string[];
  /** Quotes whose literal may span lines; the others end at the line end when unterminated. */
  multiline: string[];
  /** Python string prefixes (r, f, b, u, rb, …) keep a group of literals open. */
  prefixes: boolean;
}

const PYTHON: Syntax = { lineComment: '#', block: null, quotes: ['"""', "'''", '"', "'"], multiline: ['"""', "'''"], prefixes: true };
/** Everything else is read like JavaScript/TypeScript/Go/Java: template literals, text blocks, // and block comments. */
const C_LIKE: Syntax = { lineComment: '//', block: ['/*', '*/'], quotes: ['"""', '`', '"', "'"], multiline: ['"""', '`'], prefixes: false };

function syntaxOf(path: string): Syntax | 'sql' {
  if (/\.pyi?$/i.test(path)) return PYTHON;
  if (/\.sql$/i.test(path)) return 'sql';
  return C_LIKE;
}

function unitOf(text: string, segments: Segment[]): Unit {
  const at: number[] = [];
  let joined = '';
  for (const s of segments) {
    if (joined) joined += ' ';
    at.push(joined.length);
    joined += text.slice(s.start, s.end);
  }
  return { segments, text: joined, at };
}

/** The end of a literal's body and where scanning goes on after it. */
function closing(text: string, from: number, quote: string, multiline: boolean): { end: number; next: number } {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (text.startsWith(quote, j)) return { end: j, next: j + quote.length };
    // an unterminated one-line literal (or a quote that was not one) ends at the line end
    if (c === '\n' && !multiline) return { end: j, next: j };
  }
  return { end: text.length, next: text.length };
}

/** The string literals of a source file, adjacent ones grouped; comments are skipped. */
export function stringUnits(text: string, syntax: Syntax): Unit[] {
  const groups: Segment[][] = [];
  let open: Segment[] | null = null;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    // whitespace, `+` and line continuations between literals keep the group open
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '+' || c === '\\') {
      i++;
      continue;
    }
    if (text.startsWith(syntax.lineComment, i)) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
      continue;
    }
    if (syntax.block && text.startsWith(syntax.block[0], i)) {
      const close = text.indexOf(syntax.block[1], i + 2);
      i = close < 0 ? text.length : close + syntax.block[1].length;
      continue;
    }
    if (syntax.prefixes && /[rRbBuUfF]/.test(c) && !/[\w]/.test(text[i - 1] ?? '')) {
      const p = /^[rRbBuUfF]{1,2}(?=["'])/.exec(text.slice(i, i + 3));
      if (p) {
        i += p[0].length;
        continue;
      }
    }
    const quote = syntax.quotes.find((q) => text.startsWith(q, i));
    if (quote) {
      const { end, next } = closing(text, i + quote.length, quote, syntax.multiline.includes(quote));
      if (!open) groups.push((open = []));
      open.push({ start: i + quote.length, end });
      i = next;
      continue;
    }
    open = null;
    i++;
  }
  return groups.map((g) => unitOf(text, g));
}

/** A SQL file: each statement is a unit. */
function sqlStatements(text: string): Unit[] {
  const out: Unit[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== ';') continue;
    if (text.slice(start, i).trim()) out.push(unitOf(text, [{ start, end: i }]));
    start = i + 1;
  }
  return out;
}

/** A `__tablename__` or a Core `Table("t", …)` / `table("t", …)`: the table of the lines after it. */
interface Anchor {
  line: number;
  table: string;
}

const ANCHOR = /__tablename__\s*=\s*["']([^"'\n]+)["']|\b[Tt]able\(\s*["']([^"'\n]+)["']/g;
const FOREIGN_KEY = /\bForeignKey\(\s*["']([^"'\n]+)["']/g;
/** Column("x" / mapped_column("x" / sa.column("x": the database name of a column. */
const NAMED_COLUMN = /\b(?:Column|column|mapped_column)\(\s*["']([^"'\n]+)["']/;

interface ScannedFile {
  text: string;
  lines: string[];
  /** Offset where each line starts. */
  starts: number[];
  /** By line. */
  anchors: Anchor[];
  units: Unit[];
}

function scan(path: string, text: string): ScannedFile {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const file: ScannedFile = { text, lines, starts, anchors: [], units: [] };
  for (const m of text.matchAll(ANCHOR)) file.anchors.push({ line: lineAt(file, m.index), table: qualified(m[1] ?? m[2]!).table });
  const syntax = syntaxOf(path);
  file.units = syntax === 'sql' ? sqlStatements(text) : stringUnits(text, syntax);
  return file;
}

/** 1-based line of an offset. */
function lineAt(file: ScannedFile, offset: number): number {
  let lo = 0;
  let hi = file.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (file.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The table a line of model code belongs to: the nearest `__tablename__` or `Table(` at or above it. */
function tableAt(anchors: Anchor[], line: number): string | null {
  let table: string | null = null;
  for (const a of anchors) {
    if (a.line > line) break;
    table = a.table;
  }
  return table;
}

/** Offset in the file of an offset in a unit's joined text. */
function fileOffset(u: Unit, at: number): number {
  let k = u.at.length - 1;
  while (k > 0 && u.at[k]! > at) k--;
  return u.segments[k]!.start + (at - u.at[k]!);
}

const SQL_KEYWORD = /(?<![\w$])(select|insert|update|delete|where|set|returning|from|join|into|values)(?![\w$])/i;
/** Words after a table name that are not an alias of it. */
const NOT_ALIAS = new Set(
  'where on set join inner left right full outer cross natural using group order limit offset returning values select union except intersect for having window lateral default fetch and or as tablesample do'.split(' '),
);

/** `from/join/into/update/table t`, `t` optionally schema-qualified and quoted; group 1: the schema. */
const tableRef = (t: TargetName) =>
  new RegExp(`(?<![\\w$])(?:from|join|into|update|table|truncate)\\s+(?:only\\s+)?(?:"?(\\w+)"?\\s*\\.\\s*)?"?${esc(t.table)}"?(?![\\w$])`, 'gi');
/**
 * The column as a word, optionally qualified (`t.c`, `s.t.c`; group 1: the table or alias). Not a
 * bind parameter (`:c`, `%(c)s`, `@c`, `$c`) or an f-string field (`{c}`), not a call `c(`.
 */
const columnRef = (c: string) => new RegExp(`(?<![\\w$:@{.]|%\\()(?:(?:"?\\w+"?\\s*\\.\\s*)?"?(\\w+)"?\\s*\\.\\s*)?"?${esc(c)}"?(?![\\w$(])`, 'gi');

/** A schema named in the code must be the migration's, when it names one. */
const schemaFits = (t: TargetName, schema: string | undefined) => !t.schema || !schema || same(t.schema, schema);

/** Lines of one SQL unit that use the target. */
function sqlUses(file: ScannedFile, u: Unit, t: TargetName): number[] {
  const out: number[] = [];
  const refs = [...u.text.matchAll(tableRef(t))].filter((m) => schemaFits(t, m[1]));
  if (!t.column) {
    for (const m of refs) out.push(lineAt(file, fileOffset(u, m.index + m[0].length - 1)));
    return out;
  }
  if (!SQL_KEYWORD.test(u.text)) return out;
  // aliases of the table in this statement: `FROM users u`, `JOIN public.users AS u`
  const names = new Set([t.table.toLowerCase()]);
  for (const m of refs) {
    const alias = /^\s+(?:as\s+)?"?(\w+)"?/i.exec(u.text.slice(m.index + m[0].length))?.[1]?.toLowerCase();
    if (alias && !NOT_ALIAS.has(alias)) names.add(alias);
  }
  for (const m of u.text.matchAll(columnRef(t.column))) {
    // `x.c` is the column of whatever x is; a bare `c` counts when the statement uses the table
    const ok = m[1] ? names.has(m[1].toLowerCase()) : refs.length > 0;
    if (ok) out.push(lineAt(file, fileOffset(u, m.index + m[0].length - 1)));
  }
  return out;
}

/** Lines of model code that use the target: attributes and Column("x") by class / Table(), ForeignKey("t.c"). */
function modelUses(file: ScannedFile, t: TargetName): number[] {
  const out: number[] = [];
  if (!t.column) {
    for (const a of file.anchors) if (same(a.table, t.table)) out.push(a.line);
  } else {
    const named = new RegExp(`\\b(?:Column|column|mapped_column)\\(\\s*["']${esc(t.column)}["']`);
    const attribute = new RegExp(`^\\s*${esc(t.column)}\\s*(?::\\s*Mapped\\[|=\\s*(?:[A-Za-z_][\\w.]*\\.)?(?:Column|mapped_column)\\()`);
    file.lines.forEach((line, i) => {
      // `email = Column("email_address")` maps another column
      const isUse = named.test(line) || (attribute.test(line) && (NAMED_COLUMN.exec(line)?.[1] ?? t.column) === t.column);
      const table = isUse ? tableAt(file.anchors, i + 1) : null;
      if (table && same(table, t.table)) out.push(i + 1);
    });
  }
  for (const m of file.text.matchAll(FOREIGN_KEY)) {
    const parts = m[1]!.split('.');
    const [schema, table, column] = parts.length >= 3 ? parts.slice(-3) : [undefined, parts[0], parts[1]];
    if (!table || !column || !same(table, t.table) || !schemaFits(t, schema)) continue;
    if (!t.column || column === t.column) out.push(lineAt(file, m.index));
  }
  return out;
}

/** Lines of a file (its path decides how strings are read) that use the target, ascending. */
export function referenceLines(path: string, text: string, t: TargetName): number[] {
  return usesIn(scan(path, text), t);
}

function usesIn(file: ScannedFile, t: TargetName): number[] {
  const lines = [...modelUses(file, t), ...file.units.flatMap((u) => sqlUses(file, u, t))];
  return [...new Set(lines)].sort((a, b) => a - b);
}

/** Whole files from `git grep`'s lines (every line of a matching file, numbered). */
function filesOf(hits: GrepHit[]): Map<string, string> {
  const lines = new Map<string, string[]>();
  for (const h of hits) {
    const l = lines.get(h.file) ?? [];
    l[h.line - 1] = h.text.endsWith('\r') ? h.text.slice(0, -1) : h.text;
    lines.set(h.file, l);
  }
  return new Map([...lines].map(([f, l]) => [f, Array.from(l, (x) => x ?? '').join('\n')]));
}

export async function stillReferenced(
  repo: GitRepo,
  changed: Migration[],
  active: Map<string, ActiveRule>,
  opts: {
    releaseRef: string | null;
    releaseName: string | null;
    search: CodeSearch;
    migrationFiles: string[];
    /** HEAD side: the work tree with untracked files (--base), or the index (--staged: what the commit holds). */
    worktree?: 'index' | 'files';
  },
): Promise<Finding[]> {
  if (!active.has('contract-still-referenced')) return [];
  const ts = targets(changed);
  if (!ts.length) return [];
  const specs = pathspecs(opts.search, migrationDirsOf(repo.root, opts.migrationFiles), searchBase(repo.root, opts.search));
  const sides: { ref: string | null; where: string }[] = [{ ref: null, where: opts.worktree === 'index' ? 'in the staged code' : 'at HEAD' }];
  if (opts.releaseRef) sides.push({ ref: opts.releaseRef, where: `in release ${opts.releaseName ?? opts.releaseRef}` });
  // the files that mention a name (any case: SQL folds unquoted names), whole
  const words = [...new Map(ts.map((t) => t.column ?? t.table).map((w) => [w.toLowerCase(), w])).values()];
  // One git process per side, both at once: --staged runs in a pre-commit hook.
  const grepped = await Promise.all(sides.map((side) => repo.grep(side.ref, words, specs, { fixed: true, words: true, ignoreCase: true, wholeFiles: true, worktree: opts.worktree })));
  const out: Finding[] = [];
  for (const [i, side] of sides.entries()) {
    const files = [...filesOf(grepped[i]!)].sort(([a], [b]) => compareText(a, b)).map(([path, text]) => ({ path, file: scan(path, text) }));
    for (const t of ts) {
      const refs = files.flatMap(({ path, file }) => usesIn(file, t).map((line) => `${path}:${line}`));
      if (!refs.length) continue;
      const shown = refs.slice(0, SHOWN).join(', ') + (refs.length > SHOWN ? ` and ${refs.length - SHOWN} more` : '');
      const messageId = side.ref ? 'release' : 'head';
      const f = releaseFinding(active, 'contract-still-referenced', messageId, { op: describeOp(t.op), refs: shown, where: side.where, name: t.column ? `${t.table}.${t.column}` : t.table }, t.m, t.op, { op: t.op });
      if (f) out.push(f);
    }
  }
  return out;
}
