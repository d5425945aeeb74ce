/** Byte offset → 1-based line and column. The only place positions become lines (squawk's LineIndex). */
import type { SourceText } from '../sources/source-text.js';

export interface Position {
  line: number;
  /** 1-based, in characters (UTF-16 code units) from the start of the line. */
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0]; // UTF-16 index of each line start
  constructor(private readonly src: SourceText) {
    const t = src.text;
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(byteOffset: number): Position {
    const c = this.src.charAt(byteOffset);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= c) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: c - this.starts[lo]! + 1 };
  }

  lineText(line: number): string {
    const s = this.starts[line - 1];
    if (s === undefined) return '';
    const e = this.starts[line];
    return this.src.text.slice(s, e === undefined ? undefined : e - 1).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
