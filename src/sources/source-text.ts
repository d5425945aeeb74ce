/**
 * A decoded source file with UTF-8 byte ⇄ UTF-16 index conversion.
 * libpg-query reports UTF-8 byte offsets; JavaScript strings index UTF-16 code units.
 */
export class SourceText {
  readonly text: string;
  readonly byteLength: number;
  readonly ascii: boolean;
  private charOffsets: Uint32Array | null = null; // byte offset of each UTF-16 index (lazy, non-ASCII only)

  constructor(text: string) {
    this.text = text;
    this.byteLength = Buffer.byteLength(text, 'utf8');
    this.ascii = this.byteLength === text.length;
  }

  private table(): Uint32Array {
    if (this.charOffsets) return this.charOffsets;
    const t = this.text;
    const out = new Uint32Array(t.length + 1);
    let b = 0;
    for (let i = 0; i < t.length; i++) {
      out[i] = b;
      const c = t.charCodeAt(i);
      if (c < 0x80) b += 1;
      else if (c < 0x800) b += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
        // surrogate pair: 4 bytes, the low half shares the offset
        out[i + 1] = b;
        b += 4;
        i++;
      } else b += 3;
    }
    out[t.length] = b;
    this.charOffsets = out;
    return out;
  }

  /** UTF-16 index → UTF-8 byte offset. */
  byteAt(charIndex: number): number {
    if (this.ascii) return charIndex;
    const t = this.table();
    return t[Math.max(0, Math.min(charIndex, t.length - 1))]!;
  }

  /** UTF-8 byte offset → UTF-16 index (the first index at or after the byte). */
  charAt(byteOffset: number): number {
    if (this.ascii) return Math.max(0, Math.min(byteOffset, this.text.length));
    const t = this.table();
    let lo = 0;
    let hi = t.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid]! < byteOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  sliceBytes(start: number, end: number): string {
    return this.text.slice(this.charAt(start), this.charAt(end));
  }
}
