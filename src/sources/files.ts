/** Finding migration files and reading them safely. */
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Direction } from '../model/migration.js';

export interface FileProblem {
  file: string;
  message: string;
}

export interface Discovery {
  files: string[];
  problems: FileProblem[];
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv']);

/** Expand paths (files or directories) into SQL migration files. Problems are per path; others go on. */
export function discoverSql(paths: string[], cwd: string, root: string, include: string[], exclude: string[]): Discovery {
  const inc = picomatch(include, { dot: true }); // walk() already skips dot-directories below the linted path
  const exc = picomatch(exclude, { dot: true });
  const out: Discovery = { files: [], problems: [] };
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      out.files.push(f);
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch (e: any) {
      out.problems.push({ file: p, message: e?.code === 'ENOENT' ? 'no such file or directory' : `cannot read (${e?.code ?? e?.message})` });
      continue;
    }
    if (st.isFile()) {
      add(abs);
      continue;
    }
    if (!st.isDirectory()) {
      out.problems.push({ file: p, message: 'not a regular file or directory' });
      continue;
    }
    const before = out.files.length;
    walk(abs, (f) => {
      // Globs are relative to the config root; for a directory outside it, relative to that directory.
      let rel = toPosix(relative(root, f));
      if (rel.startsWith('../') || rel === '..') rel = toPosix(relative(abs, f));
      // the extension matches in any case (`V1__init.SQL`, `DOWN.SQL`): globs are tried with it lower-cased too
      if (!/\.sql$/i.test(rel)) return;
      const lowerExt = rel.slice(0, -4) + '.sql';
      if ((inc(rel) || inc(lowerExt)) && !exc(rel) && !exc(lowerExt)) add(f);
    });
    if (out.files.length === before) out.problems.push({ file: p, message: `no SQL migrations found (looked for ${include.join(', ')})` });
  }
  out.files.sort();
  return out;
}

export function walk(dir: string, visit: (file: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name), visit);
    } else if (e.isFile()) visit(join(dir, e.name));
  }
}

export const toPosix = (p: string) => (sep === '\\' ? p.split(sep).join('/') : p);

/** `*.down.sql`, `*_down.sql`, and `down.sql` inside a migration folder run on rollback. */
export function sqlDirection(file: string): Direction {
  const b = basename(file).toLowerCase();
  return b === 'down.sql' || b.endsWith('.down.sql') || b.endsWith('_down.sql') || b.endsWith('-down.sql') ? 'downgrade' : 'upgrade';
}

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * Read a file as UTF-8 text; binary and invalid UTF-8 are refused with a precise message.
 * `content`, when given, is used instead of the file on disk (--staged: the staged blob).
 */
export function readText(file: string, content?: Uint8Array): ReadResult {
  let buf: Buffer;
  try {
    buf = content ? Buffer.from(content.buffer, content.byteOffset, content.byteLength) : readFileSync(file);
  } catch (e: any) {
    return { ok: false, message: e?.code === 'EISDIR' ? 'is a directory' : `cannot read (${e?.code ?? e?.message})` };
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) return { ok: false, message: `binary file (NUL byte at offset ${nul}), not SQL text` };
  // native check first; the byte-by-byte scan only runs to locate the bad byte
  const bad = isUtf8(buf) ? -1 : firstInvalidUtf8(buf);
  if (bad >= 0 && file.endsWith('.py')) {
    // PEP 263: a Python file may declare another encoding in its first two lines (`# -*- coding: latin-1 -*-`)
    const declared = pythonCoding(buf);
    if (declared) return declared;
  }
  if (bad >= 0) {
    const line = countLines(buf, bad);
    return { ok: false, message: `not valid UTF-8 (invalid byte 0x${buf[bad]!.toString(16).padStart(2, '0')} at line ${line}, byte offset ${bad})` };
  }
  let text = buf.toString('utf8');
  // A UTF-8 byte-order mark is not text: drop it, so the first statement is at line 1, column 1. Findings'
  // byte offsets are into this text (the reporter locates them in the same text), not into the file's bytes.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** The text of a Python file in the encoding its PEP 263 declaration names, or null (none, unknown, or not valid in it). */
function pythonCoding(buf: Buffer): ReadResult | null {
  const head = buf.subarray(0, 400).toString('latin1').split(/\r?\n|\r/).slice(0, 2);
  for (const line of head) {
    const m = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(line);
    if (!m) continue;
    // Python's names → WHATWG's: latin-1 / iso-8859-1 / cp1252 …
    const name = m[1]!.toLowerCase().replace(/_/g, '-').replace(/^latin-?1$/, 'iso-8859-1').replace(/^cp-?(\d+)$/, 'windows-$1');
    try {
      return { ok: true, text: new TextDecoder(name, { fatal: true }).decode(buf) };
    } catch {
      return { ok: false, message: `not valid ${m[1]} (the encoding its coding line declares), nor UTF-8` };
    }
  }
  return null;
}

function countLines(buf: Buffer, upto: number): number {
  let n = 1;
  for (let i = 0; i < upto; i++) if (buf[i] === 10) n++;
  return n;
}

/** Index of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Buffer): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
