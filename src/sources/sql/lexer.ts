/**
 * A small SQL lexer: enough to split a file into statements when the whole-file parse fails,
 * and to find comments for ignore directives. It understands '…' (with '' and E'\'' escapes),
 * "…" identifiers, $tag$…$tag$ bodies, -- and nested /* *\/ comments, parentheses, psql
 * meta-commands (a line starting with a backslash), and BEGIN ATOMIC … END bodies.
 * All offsets are UTF-16 indexes into the string.
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
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
const isIdentChar = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57) || c === 36;

export function lex(text: string, wantStatements = true): LexResult {
  const n = text.length;
  const statements: RawStatement[] = [];
  const comments: Comment[] = [];
  const metaCommands: RawStatement[] = [];
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
      const j = blockCommentEnd(text, i, n);
      const closed = text.charCodeAt(j - 1) === 47 && text.charCodeAt(j - 2) === 42 && j - 2 > i + 1;
      comments.push({ start: i, end: j, body: text.slice(i + 2, closed ? j - 2 : j), trailing: lineHasCode });
      i = j;
      continue;
    }
    // psql meta-command at the start of a statement
    if (c === 92 && stmtStart < 0) {
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      metaCommands.push({ start: i, end: j });
      i = j;
      continue;
    }
    startToken(i);
    if (c === 39) {
      // '…' string; E'…' handled by the identifier branch setting escape mode
      i = skipQuoted(text, i, 39, false);
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
      const m = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 64));
      if (m) {
        const tag = m[0];
        const close = text.indexOf(tag, i + tag.length);
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
      stmtStart = -1;
      i++;
      lastTokenEnd = i;
      prevWord = '';
      continue;
    }
    prevWord = '';
    i++;
    lastTokenEnd = i;
  }
  if (stmtStart >= 0 && wantStatements) statements.push({ start: stmtStart, end: Math.max(lastTokenEnd, stmtStart + 1) });
  return { statements, comments, metaCommands };
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
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) i = blockCommentEnd(text, i, end);
    else break;
  }
  return Math.min(i, end);
}

/** End (exclusive) of the nested /* … *\/ comment starting at `i`, or `end` if it is not closed. */
function blockCommentEnd(text: string, i: number, end: number): number {
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
  return Math.min(j, end);
}
