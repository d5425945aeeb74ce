/**
 * A small SQL lexer: enough to split a file into statements when the whole-file parse fails,
 * and to find comments for ignore directives. It understands '…' (with '' and E'\'' escapes),
 * "…" identifiers, $tag$…$tag$ bodies, -- and nested /* *\/ comments, parentheses, psql
 * meta-commands (a line starting with a backslash), BEGIN ATOMIC … END bodies, and the data rows
 * that follow `COPY … FROM STDIN;` (or psql's `\copy … from stdin`) up to the line `\.`, as in
 * pg_dump output. All offsets are UTF-16 indexes into the string.
 */

export interface Comment {
  start: number;
  end: number;
  /** Text without the comment markers. */
  body: string;
  /** True when code precedes the comment on the same line. */
  trailing: boolean;
}

export interface RawStatement {
  /** Index of the first token (not whitespace or comment). */
  start: number;
  /** Index one past the terminating semicolon, or the end of the last token. */
  end: number;
}

export interface LexResult {
  statements: RawStatement[];
  comments: Comment[];
  /** psql meta-command lines (\set, \connect …) that are not SQL. */
  metaCommands: RawStatement[];
  /** In-line data of COPY … FROM STDIN: from the first data line to the end of the `\.` line (or of the text). */
  copyData: RawStatement[];
  /** Start of a /* comment that is never closed (comments nest), or -1. */
  unterminatedComment: number;
  /** Contents (without the quotes) of the '…' and $tag$…$tag$ string constants, in order. E'…' strings are not listed. */
  strings: StringConstant[];
}

export interface StringConstant {
  /** Index of the first character inside the quotes. */
  start: number;
  /** Index of the closing quote (or the end of the text when it is not closed). */
  end: number;
  quote: 'single' | 'dollar';
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
const isIdentChar = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57) || c === 36;

export function lex(text: string, wantStatements = true): LexResult {
  const n = text.length;
  const statements: RawStatement[] = [];
  const comments: Comment[] = [];
  const metaCommands: RawStatement[] = [];
  const copyData: RawStatement[] = [];
  const strings: StringConstant[] = [];
  let unterminatedComment = -1;
  let copyPending = false; // a COPY … FROM STDIN ended on this line: its rows follow it
  let i = 0;
  let stmtStart = -1; // first token of the current statement
  let lastTokenEnd = -1;
  let depth = 0;
  let lineHasCode = false;
  // BEGIN ATOMIC … END (SQL-standard function bodies) contain semicolons
  let prevWord = '';
  let atomicDepth = 0;

  const startToken = (at: number) => {
    if (stmtStart < 0) stmtStart = at;
    lineHasCode = true;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineHasCode = false;
      if (copyPending) {
        copyPending = false;
        i = skipCopyData(text, i, copyData); // the newline after the `\.` line, or the end
        continue;
      }
      i++;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    // -- comment
    if (c === 45 && text.charCodeAt(i + 1) === 45) {
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      comments.push({ start: i, end: j, body: text.slice(i + 2, j), trailing: lineHasCode });
      i = j;
      continue;
    }
    // /* comment */ (nested)
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const { end: j, closed } = blockComment(text, i, n);
      if (!closed && unterminatedComment < 0) unterminatedComment = i;
      comments.push({ start: i, end: j, body: text.slice(i + 2, closed ? j - 2 : j), trailing: lineHasCode });
      i = j;
      continue;
    }
    // psql meta-command at the start of a statement
    if (c === 92 && stmtStart < 0) {
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      metaCommands.push({ start: i, end: j });
      // \copy … from stdin reads its rows from the script too
      if (/^\\copy\b[\s\S]*\bfrom\s+stdin\b/i.test(text.slice(i, j))) copyPending = true;
      i = j;
      continue;
    }
    // psql meta-command after a statement's text (`SELECT … \gexec`, `\g`, `\gset`): it sends the
    // statement, like a semicolon, and the rest of the line is the command
    if (c === 92 && stmtStart >= 0 && depth === 0 && atomicDepth === 0 && isIdentStart(text.charCodeAt(i + 1))) {
      if (wantStatements) statements.push({ start: stmtStart, end: Math.max(lastTokenEnd, stmtStart + 1) });
      stmtStart = -1;
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      metaCommands.push({ start: i, end: j });
      i = j;
      lastTokenEnd = i;
      prevWord = '';
      continue;
    }
    startToken(i);
    if (c === 39) {
      // '…' string; E'…' handled by the identifier branch setting escape mode
      const from = i + 1;
      i = skipQuoted(text, i, 39, false);
      strings.push({ start: from, end: Math.max(from, text.charCodeAt(i - 1) === 39 ? i - 1 : i), quote: 'single' });
      lastTokenEnd = i;
      prevWord = '';
      continue;
    }
    if (c === 34) {
      i = skipQuoted(text, i, 34, false);
      lastTokenEnd = i;
      prevWord = '';
      continue;
    }
    if (c === 36) {
      // $tag$ … $tag$ or $1 parameter
      const tag = dollarTag(text, i);
      if (tag) {
        const close = text.indexOf(tag, i + tag.length);
        strings.push({ start: i + tag.length, end: close < 0 ? n : close, quote: 'dollar' });
        i = close < 0 ? n : close + tag.length;
      } else i++;
      lastTokenEnd = i;
      prevWord = '';
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentChar(text.charCodeAt(j))) j++;
      const word = text.slice(i, j).toUpperCase();
      // E'…' / e'…' escape strings
      if (word === 'E' && text.charCodeAt(j) === 39) {
        i = skipQuoted(text, j, 39, true);
        lastTokenEnd = i;
        prevWord = '';
        continue;
      }
      if (word === 'ATOMIC' && prevWord === 'BEGIN') atomicDepth++;
      else if (atomicDepth > 0 && word === 'CASE') atomicDepth++;
      else if (atomicDepth > 0 && word === 'END') atomicDepth--;
      prevWord = word;
      i = j;
      lastTokenEnd = i;
      continue;
    }
    if (c === 40) depth++;
    else if (c === 41) depth = Math.max(0, depth - 1);
    else if (c === 59 && depth === 0 && atomicDepth === 0) {
      if (wantStatements) statements.push({ start: stmtStart, end: i + 1 });
      const copyFromStdin = isCopyFromStdin(text, stmtStart, i);
      stmtStart = -1;
      i++;
      lastTokenEnd = i;
      prevWord = '';
      // the rows start on the next line; psql reads the rest of this one as commands after the data
      if (copyFromStdin) copyPending = true;
      continue;
    }
    prevWord = '';
    i++;
    lastTokenEnd = i;
  }
  if (stmtStart >= 0 && wantStatements) statements.push({ start: stmtStart, end: Math.max(lastTokenEnd, stmtStart + 1) });
  return { statements, comments, metaCommands, copyData, unterminatedComment, strings };
}

/** The `$tag$` (or `$$`) opening a dollar-quoted string at `i`, or null (`$1`, or no `$` there). */
function dollarTag(text: string, i: number): string | null {
  return /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 64))?.[0] ?? null;
}

/** `COPY … FROM STDIN` (the statement text from `start` to the semicolon at `end`). */
function isCopyFromStdin(text: string, start: number, end: number): boolean {
  if (start < 0 || end - start < 15 || !/^copy\b/i.test(text.slice(start, start + 5))) return false;
  return /\bfrom\s+stdin\b/i.test(text.slice(start, end));
}

/**
 * Skip COPY data: `nl` is the newline ending the COPY command's line. Records the rows and the
 * `\.` line as one range and returns the index of the newline after it (or the end of the text).
 */
function skipCopyData(text: string, nl: number, out: RawStatement[]): number {
  const n = text.length;
  const start = nl + 1;
  if (start >= n) return n;
  let at = start;
  while (at < n) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = n;
    if (/^\\\.[ \t]*\r?$/.test(text.slice(at, eol))) {
      out.push({ start, end: eol });
      return eol;
    }
    at = eol + 1;
  }
  // no terminator: psql reads the rest of the file as data
  out.push({ start, end: n });
  return n;
}

/** `text` with the COPY data rows blanked out (newlines kept, so every index stays the same). */
export function maskCopyData(text: string, blocks: readonly RawStatement[]): string {
  if (!blocks.length) return text;
  let out = '';
  let from = 0;
  for (const b of blocks) {
    out += text.slice(from, b.start) + text.slice(b.start, b.end).replace(/[^\n]/g, ' ');
    from = b.end;
  }
  return out + text.slice(from);
}

function skipQuoted(text: string, i: number, quote: number, backslashEscapes: boolean): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (backslashEscapes && c === 92) {
      j += 2;
      continue;
    }
    if (c === quote) {
      if (text.charCodeAt(j + 1) === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return n;
}

/** Skip whitespace and comments from `i`; returns the index of the next token. */
export function skipTrivia(text: string, i: number, end = text.length): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) i++;
    else if (c === 45 && text.charCodeAt(i + 1) === 45) {
      const j = text.indexOf('\n', i);
      i = j < 0 ? end : j + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) i = blockComment(text, i, end).end;
    else break;
  }
  return Math.min(i, end);
}

/** End (exclusive) of the nested /* … *\/ comment starting at `i` (`end` if it is not closed), and whether it is closed. */
function blockComment(text: string, i: number, end: number): { end: number; closed: boolean } {
  let d = 1;
  let j = i + 2;
  while (j < end && d > 0) {
    if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 42) {
      d++;
      j += 2;
    } else if (text.charCodeAt(j) === 42 && text.charCodeAt(j + 1) === 47) {
      d--;
      j += 2;
    } else j++;
  }
  return { end: Math.min(j, end), closed: d === 0 };
}

/**
 * Indexes of the commas in `text[start, end)` that are outside parentheses, brackets, strings,
 * quoted identifiers and comments: the separators of ALTER TABLE's subcommands.
 */
export function topLevelCommas(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  let depth = 0;
  let i = start;
  while (i < end) {
    const j = skipNonCode(text, i, end);
    if (j !== i) {
      i = j;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91) depth++;
    else if (c === 41 || c === 93) depth = Math.max(0, depth - 1);
    else if (c === 44 && depth === 0) out.push(i);
    i++;
  }
  return out;
}

/**
 * If a comment, a string (`'…'`, `E'…'`, `$tag$…$tag$`), a quoted identifier or a word starts
 * at `i`, the index after it (at most `end`); else `i`. The scanners below use it to see only
 * the punctuation of the code.
 */
function skipNonCode(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === 45 && text.charCodeAt(i + 1) === 45) {
    const j = text.indexOf('\n', i);
    return j < 0 || j > end ? end : j + 1;
  }
  if (c === 47 && text.charCodeAt(i + 1) === 42) return blockComment(text, i, end).end;
  if (c === 39 || c === 34) return Math.min(skipQuoted(text, i, c, false), end);
  if (c === 36) {
    const tag = dollarTag(text, i);
    if (!tag) return i;
    const close = text.indexOf(tag, i + tag.length);
    return close < 0 || close >= end ? end : close + tag.length;
  }
  if (isIdentStart(c)) {
    let j = i + 1;
    while (j < end && isIdentChar(text.charCodeAt(j))) j++;
    // E'…' escape string
    return j === i + 1 && (c === 69 || c === 101) && text.charCodeAt(j) === 39 ? Math.min(skipQuoted(text, j, 39, true), end) : j;
  }
  return i;
}

/**
 * `text` with the placeholders that migration tools fill in before the server sees the SQL turned
 * into plain SQL of the same length (every index stays the same), or null when there is none:
 *
 * - psql variables: `:name`, `:'name'`, `:"name"` become an identifier, a string literal, a quoted
 *   identifier (the colon is blanked). Not `::` casts, and `:name` only after a space, `(`, `,` or
 *   `=` (not `arr[1:n]`);
 * - Flyway and Liquibase placeholders, `${schema}`, and Go templates, `{{ .Namespace }}`, become an
 *   identifier (`__schema_`): what they usually stand for is a name.
 *
 * Only outside strings, quoted identifiers and comments, and only ASCII placeholders on one line.
 */
export function maskPlaceholders(text: string): string | null {
  const edits: { at: number; text: string }[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const j = skipNonCode(text, i, n);
    if (j !== i) {
      i = j;
      continue;
    }
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === 58 && next !== 58 && text.charCodeAt(i - 1) !== 58) {
      const before = i === 0 ? 32 : text.charCodeAt(i - 1);
      const quoted = (next === 39 || next === 34) && /^:(['"])[A-Za-z_][\w]*\1/.test(text.slice(i, i + 66));
      const bare = isIdentStart(next) && (isSpace(before) || before === 40 || before === 44 || before === 61);
      if (quoted || bare) edits.push({ at: i, text: ' ' });
    } else if ((c === 36 && next === 123) || (c === 123 && next === 123)) {
      const m = (c === 36 ? /^\$\{[\x20-\x7c\x7e]{1,200}?\}/ : /^\{\{[\x20-\x7e]{1,200}?\}\}/).exec(text.slice(i, i + 210));
      if (m) {
        edits.push({ at: i, text: m[0].replace(/\W/g, '_') });
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
  if (!edits.length) return null;
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += text.slice(from, e.at) + e.text;
    from = e.at + e.text.length;
  }
  return out + text.slice(from);
}
