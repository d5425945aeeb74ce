/**
 * Python string literals → their value, with a map from every character of the value back to
 * the source. SQL found in `op.execute("…")` is analysed on the decoded value, and its findings
 * must point into the .py file, so escapes, implicit concatenation, triple quotes and dedent all
 * keep the map exact.
 */
import type { PyNode } from './parser.js';

/** A string whose value is known statically. `map[i]` is the source index (UTF-16) of value[i]; map has one extra entry for the end. */
export interface StaticString {
  value: string;
  map: number[];
  /**
   * Where each character is written, when `map` points elsewhere: a constant's value is reported
   * where it is used (`map`), but its comments are read where they are written. Same length as map.
   */
  written?: number[];
}

/** Where each character of `s` is written in the source. */
const writtenMap = (s: StaticString): number[] => s.written ?? s.map;

export type Decoded = { ok: true; s: StaticString } | { ok: false; reason: string };

const SIMPLE: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * The value of an f-string replacement field that names a variable (`{TABLE}`): `start`/`end`
 * are the name's offsets. Null when the name is not a string constant.
 */
export type FieldResolver = (name: string, start: number, end: number) => StaticString | null;

/** A replacement field that is just a name, with an optional !s/!r/!a conversion: `{ TABLE }`, `{name!r}`. */
const NAME_FIELD = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s*(?:!([sra]))?$/;

/**
 * Decode one `string` node (not a concatenation), from the source text: prefix, quotes, escapes.
 * With `resolve`, an f-string's fields that name string constants take their values; any other
 * field (an expression, a format spec, `=`) leaves it dynamic.
 */
export function decodeString(src: string, node: PyNode, resolve?: FieldResolver): Decoded {
  const text = src.slice(node.start, node.end);
  const m = /^([A-Za-z]*)("""|\'\'\'|"|')/.exec(text);
  if (!m) return { ok: false, reason: 'an unreadable string' };
  const prefix = m[1]!.toLowerCase();
  const quote = m[2]!;
  const from = node.start + m[0].length;
  const to = node.end - quote.length;
  if (to < from || !text.endsWith(quote) || text.length < m[0].length + quote.length || node.children.some((c) => c.missing)) {
    return { ok: false, reason: 'an unterminated string' };
  }
  const raw = prefix.includes('r');
  const fstring = prefix.includes('f') || prefix.includes('t');
  const bytes = prefix.includes('b');
  const interpolated = fstring && hasInterpolation(src, from, to);
  // (a t-string with fields is a Template, not a str)
  if (interpolated && (!resolve || !prefix.includes('f'))) return { ok: false, reason: INTERPOLATED };
  if (!interpolated && plain(src, from, to, fstring)) return { ok: true, s: new SourceSlice(src.slice(from, to), from) };
  const out: string[] = [];
  const map: number[] = [];
  // fields whose constant is written elsewhere: where its characters are written
  const patches: { at: number; written: number[] }[] = [];
  const push = (s: string, at: number) => {
    for (const ch of s) {
      // keep surrogate pairs as two UTF-16 units, both mapped to `at`
      for (let k = 0; k < ch.length; k++) {
        out.push(ch[k]!);
        map.push(at);
      }
    }
  };
  let i = from;
  while (i < to) {
    const c = src[i]!;
    if (fstring && (c === '{' || c === '}') && src[i + 1] === c) {
      push(c, i);
      i += 2;
      continue;
    }
    if (fstring && c === '{') {
      // a replacement field: only `{NAME}` (optionally !s, !r, !a) of a string constant is static
      const close = src.indexOf('}', i + 1);
      const m = close >= 0 && close < to ? NAME_FIELD.exec(src.slice(i + 1, close)) : null;
      const at = m ? i + 1 + m[1]!.length : -1;
      const v = m && resolve ? resolve(m[2]!, at, at + m[2]!.length) : null;
      const text = v ? converted(v.value, m![3]) : null;
      if (!v || text === null) return { ok: false, reason: INTERPOLATED };
      // the value's characters map as the constant's do (a repr's quotes: all to the name)
      const same = text === v.value;
      if (same && v.written) patches.push({ at: out.length, written: v.written.slice(0, text.length) });
      for (let k = 0; k < text.length; k++) {
        out.push(text[k]!);
        map.push(same ? v.map[k]! : at);
      }
      i = close + 1;
      continue;
    }
    if (c !== '\\' || i + 1 >= to) {
      out.push(c);
      map.push(i);
      i++;
      continue;
    }
    const n = src[i + 1]!;
    if (raw) {
      // In raw strings a backslash escapes nothing (it only keeps a quote from ending the string).
      out.push(c, n);
      map.push(i, i + 1);
      i += 2;
      continue;
    }
    if (n === '\n') {
      i += 2;
      continue;
    }
    if (n === '\r') {
      i += src[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    if (SIMPLE[n] !== undefined) {
      push(SIMPLE[n]!, i);
      i += 2;
      continue;
    }
    if (n >= '0' && n <= '7') {
      let j = i + 1;
      let digits = '';
      while (j < to && digits.length < 3 && src[j]! >= '0' && src[j]! <= '7') digits += src[j++];
      push(String.fromCodePoint(parseInt(digits, 8)), i);
      i = j;
      continue;
    }
    const hexLen = n === 'x' ? 2 : !bytes && n === 'u' ? 4 : !bytes && n === 'U' ? 8 : 0;
    if (hexLen) {
      const hex = src.slice(i + 2, i + 2 + hexLen);
      const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLen ? parseInt(hex, 16) : NaN;
      if (Number.isNaN(cp) || cp > 0x10ffff) return { ok: false, reason: 'an invalid escape sequence' };
      push(cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : String.fromCodePoint(cp), i);
      i += 2 + hexLen;
      continue;
    }
    if (n === 'N' && !bytes && src[i + 2] === '{') {
      const close = src.indexOf('}', i + 3);
      if (close < 0 || close >= to) return { ok: false, reason: 'an invalid escape sequence' };
      push('?', i); // the Unicode name database is not available; any single character keeps offsets sane
      i = close + 1;
      continue;
    }
    // Unknown escape: Python keeps the backslash.
    out.push(c);
    map.push(i);
    i++;
  }
  map.push(to);
  if (!patches.length) return { ok: true, s: { value: out.join(''), map } };
  const written = map.slice();
  for (const p of patches) for (let k = 0; k < p.written.length; k++) written[p.at + k] = p.written[k]!;
  return { ok: true, s: { value: out.join(''), map, written } };
}

const INTERPOLATED = 'an f-string with interpolated values';

/** A string constant's text in a replacement field: `!s` (or none) is the value, `!r`/`!a` its repr when that is simple. */
function converted(value: string, conversion: string | undefined): string | null {
  if (!conversion || conversion === 's') return value;
  // repr() of a str of printable ASCII without quotes or backslashes: the value in single quotes
  return /^[\x20-\x7e]*$/.test(value) && !/['"\\]/.test(value) ? `'${value}'` : null;
}

/** No escapes (and, in an f-string, no doubled braces): the value is the source text itself. */
function plain(src: string, from: number, to: number, fstring: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c === 92 || (fstring && (c === 123 || c === 125))) return false;
  }
  return true;
}

/**
 * A value that is a verbatim slice of the source: its map (value[i] ↔ from + i) is built only
 * when asked for, since most strings (names of tables, columns, constraints) never need it.
 */
class SourceSlice implements StaticString {
  private built: number[] | null = null;
  constructor(
    readonly value: string,
    private readonly from: number,
  ) {}
  get map(): number[] {
    if (!this.built) {
      const n = this.value.length;
      const map = new Array<number>(n + 1);
      for (let k = 0; k <= n; k++) map[k] = this.from + k;
      this.built = map;
    }
    return this.built;
  }
}

/** Does the body of an f-string interpolate anything? (`{{` and `}}` are literal braces.) */
function hasInterpolation(src: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (src[i] !== '{') continue;
    if (src[i + 1] === '{') {
      i++;
      continue;
    }
    return true;
  }
  return false;
}

/** Decode a `string` or a `concatenated_string` ("a" "b"); `resolve` as for decodeString. */
export function decodeStringNode(src: string, node: PyNode, resolve?: FieldResolver): Decoded {
  if (node.type === 'string') return decodeString(src, node, resolve);
  if (node.type === 'concatenated_string') {
    const parts = node.children.filter((c) => c.type === 'string');
    if (!parts.length) return { ok: false, reason: 'an empty string concatenation' };
    const pieces: StaticString[] = [];
    for (const p of parts) {
      const d = decodeString(src, p, resolve);
      if (!d.ok) return d;
      pieces.push(d.s);
    }
    return { ok: true, s: concat(pieces) };
  }
  return { ok: false, reason: `a ${node.type.replace(/_/g, ' ')}` };
}

export function concat(pieces: StaticString[]): StaticString {
  if (pieces.length === 1) return pieces[0]!;
  const value = pieces.map((p) => p.value).join('');
  const map: number[] = [];
  for (const p of pieces) map.push(...p.map.slice(0, p.value.length));
  const lastPiece = pieces[pieces.length - 1]!;
  map.push(lastPiece.map[lastPiece.value.length]!);
  if (!pieces.some((p) => p.written)) return { value, map };
  const written: number[] = [];
  for (const p of pieces) written.push(...writtenMap(p).slice(0, p.value.length));
  written.push(writtenMap(lastPiece)[lastPiece.value.length]!);
  return { value, map, written };
}

/**
 * A string known statically but not from a literal at hand (a resolved constant): every character
 * maps to `start` (`end` for the end). `origin` is the constant's own string, where it is written.
 */
export function pinned(value: string, start: number, end: number, origin?: StaticString): StaticString {
  const map = new Array<number>(value.length).fill(start);
  map.push(end);
  return origin && origin.value === value ? { value, map, written: writtenMap(origin) } : { value, map };
}

/** textwrap.dedent, keeping the map. */
export function dedent(s: StaticString): StaticString {
  const lines: { start: number; end: number }[] = [];
  let at = 0;
  for (;;) {
    const nl = s.value.indexOf('\n', at);
    if (nl < 0) {
      lines.push({ start: at, end: s.value.length });
      break;
    }
    lines.push({ start: at, end: nl + 1 });
    at = nl + 1;
  }
  let margin: string | null = null;
  for (const l of lines) {
    const text = s.value.slice(l.start, l.end).replace(/\n$/, '');
    if (text.trim() === '') continue;
    const lead = /^[ \t]*/.exec(text)![0];
    if (margin === null) margin = lead;
    else {
      let k = 0;
      while (k < margin.length && k < lead.length && margin[k] === lead[k]) k++;
      margin = margin.slice(0, k);
    }
  }
  const out: string[] = [];
  const kept: number[] = [];
  for (const l of lines) {
    const text = s.value.slice(l.start, l.end);
    const body = text.replace(/\n$/, '');
    let from = l.start;
    if (body.trim() === '') from = l.start + body.length; // whitespace-only lines become empty
    else if (margin) from = l.start + margin.length;
    for (let k = from; k < l.end; k++) {
      out.push(s.value[k]!);
      kept.push(k);
    }
  }
  kept.push(s.value.length);
  const pick = (m: number[]) => kept.map((k) => m[k]!);
  return s.written ? { value: out.join(''), map: pick(s.map), written: pick(s.written) } : { value: out.join(''), map: pick(s.map) };
}

/** str.strip / lstrip / rstrip (whitespace only), keeping the map. */
export function strip(s: StaticString, how: 'strip' | 'lstrip' | 'rstrip'): StaticString {
  let a = 0;
  let b = s.value.length;
  if (how !== 'rstrip') while (a < b && /\s/.test(s.value[a]!)) a++;
  if (how !== 'lstrip') while (b > a && /\s/.test(s.value[b - 1]!)) b--;
  const pick = (m: number[]) => [...m.slice(a, b), b < s.value.length ? m[b]! : m[s.value.length]!];
  return s.written ? { value: s.value.slice(a, b), map: pick(s.map), written: pick(s.written) } : { value: s.value.slice(a, b), map: pick(s.map) };
}
