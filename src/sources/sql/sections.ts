/**
 * One .sql file with both directions: goose (`-- +goose Up` / `-- +goose Down`), sql-migrate
 * (`-- +migrate Up` / `-- +migrate Down`) and dbmate (`-- migrate:up` / `-- migrate:down`). Each
 * tool runs one section per direction, and wraps it in a transaction unless the file says not to
 * (`-- +goose NO TRANSACTION`, `-- +migrate Up notransaction`, `-- migrate:up transaction:false`).
 *
 * Each section is linted as its own migration, up as upgrade and down as downgrade, from the
 * file's text with the other section blanked out: every byte offset stays the file's own.
 */

export interface SqlSections {
  tool: 'goose' | 'sql-migrate' | 'dbmate';
  /** The file's text with only the up section (the down section blanked), and the other way round. */
  up: string;
  down: string;
  /** Whether the tool runs each section in a transaction. */
  transactional: boolean;
}

/** A marker comment alone on its line. */
const MARKER = /^[ \t]*--[ \t]*(\+goose[ \t]+(up|down)\b|\+migrate[ \t]+(up|down)\b|migrate:(up|down)\b)([^\n]*)$/gim;
const GOOSE_NO_TX = /^[ \t]*--[ \t]*\+goose[ \t]+NO[ \t]+TRANSACTION\b/im;

/** The sections of `text`, or null when it has no up/down markers (a plain migration). */
export function sqlSections(text: string): SqlSections | null {
  if (!/\+goose|\+migrate|migrate:/i.test(text)) return null;
  const marks: { at: number; dir: 'up' | 'down'; tool: SqlSections['tool']; rest: string }[] = [];
  for (const m of text.matchAll(MARKER)) {
    const dir = (m[2] ?? m[3] ?? m[4])!.toLowerCase() as 'up' | 'down';
    const tool = m[2] ? 'goose' : m[3] ? 'sql-migrate' : 'dbmate';
    marks.push({ at: m.index!, dir, tool, rest: m[5] ?? '' });
  }
  if (!marks.length || !marks.some((m) => m.dir === 'up')) return null;
  const tool = marks[0]!.tool;
  // A marker starts a section that runs to the next marker (or the end). The text before the first
  // one (a header comment, `-- migsafe-ignore-file …`) belongs to both.
  const head: [number, number] = [0, marks[0]!.at];
  const keep = { up: [head] as [number, number][], down: [head] as [number, number][] };
  marks.forEach((m, i) => keep[m.dir].push([m.at, i + 1 < marks.length ? marks[i + 1]!.at : text.length]));
  const noTx =
    (tool === 'goose' && GOOSE_NO_TX.test(text)) ||
    marks.some((m) => (tool === 'sql-migrate' && /\bnotransaction\b/i.test(m.rest)) || (tool === 'dbmate' && /\btransaction:false\b/i.test(m.rest)));
  return { tool, up: only(text, keep.up), down: only(text, keep.down), transactional: !noTx };
}

/**
 * `text` with everything outside `ranges` blanked: newlines kept, every other character replaced
 * by as many spaces as its UTF-8 bytes, so each byte offset still points at the same place.
 */
function only(text: string, ranges: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [a, b] of ranges) {
    out += blank(text.slice(at, a)) + text.slice(a, b);
    at = b;
  }
  return out + blank(text.slice(at));
}

function blank(s: string): string {
  return s.replace(/[^\r\n]/gu, (ch) => ' '.repeat(Buffer.byteLength(ch)));
}
