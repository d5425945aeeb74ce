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
}

export type Decoded = { ok: true; s: StaticString } | { ok: false; reason: string };

const SIMPLE: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** Decode one `string` node (not a concatenation), from the source text: prefix, quotes, escapes. */
export function decodeString(src: string, node: PyNode): Decoded {
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
  if (fstring && hasInterpolation(src, from, to)) return { ok: false, reason: 'an f-string with interpolated values' };
  if (plain(src, from, to, fstring)) return { ok: true, s: new SourceSlice(src.slice(from, to), from) };
  const out: string[] = [];
  const map: number[] = [];
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
  return { ok: true, s: { value: out.join(''), map } };
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

/** Decode a `string` or a `concatenated_string` ("a" "b"). */
export function decodeStringNode(src: string, node: PyNode): Decoded {
  if (node.type === 'string') return decodeString(src, node);
  if (node.type === 'concatenated_string') {
    const parts = node.children.filter((c) => c.type === 'string');
    if (!parts.length) return { ok: false, reason: 'an empty string concatenation' };
    const pieces: StaticString[] = [];
    for (const p of parts) {
      const d = decodeString(src, p);
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
  map.push(pieces[pieces.length - 1]!.map[pieces[pieces.length - 1]!.value.length]!);
  return { value, map };
}

/** A string known statically but not from a literal at hand (a resolved constant): every character maps to `at`. */
export function pinned(value: string, start: number, end: number): StaticString {
  const map = new Array<number>(value.length).fill(start);
  map.push(end);
  return { value, map };
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
  const map: number[] = [];
  for (const l of lines) {
    const text = s.value.slice(l.start, l.end);
    const body = text.replace(/\n$/, '');
    let from = l.start;
    if (body.trim() === '') from = l.start + body.length; // whitespace-only lines become empty
    else if (margin) from = l.start + margin.length;
    for (let k = from; k < l.end; k++) {
      out.push(s.value[k]!);
      map.push(s.map[k]!);
    }
  }
  map.push(s.map[s.value.length]!);
  return { value: out.join(''), map };
}

/** str.strip / lstrip / rstrip (whitespace only), keeping the map. */
export function strip(s: StaticString, how: 'strip' | 'lstrip' | 'rstrip'): StaticString {
  let a = 0;
  let b = s.value.length;
  if (how !== 'rstrip') while (a < b && /\s/.test(s.value[a]!)) a++;
  if (how !== 'lstrip') while (b > a && /\s/.test(s.value[b - 1]!)) b--;
  return { value: s.value.slice(a, b), map: [...s.map.slice(a, b), b < s.value.length ? s.map[b]! : s.map[s.value.length]!] };
}
