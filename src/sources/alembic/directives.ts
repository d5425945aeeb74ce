/**
 * `# migsafe-ignore <rule>[, <rule>] -- <reason>` and `# migsafe-ignore-file …` in Python.
 * Same parser and semantics as SQL: a trailing comment covers the op call on its line, a comment
 * on its own line covers the next op call.
 */
import type { Directive, InvalidDirective } from '../../model/migration.js';
import type { Span } from '../../model/operation.js';
import type { SourceText } from '../source-text.js';
import { collectDirectives } from '../directives.js';
import type { PyNode } from './parser.js';

export interface PyComment {
  start: number;
  end: number;
  body: string;
  trailing: boolean;
}

export function comments(src: string, root: PyNode): PyComment[] {
  const out: PyComment[] = [];
  const stack: PyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'comment') {
      const lineStart = src.lastIndexOf('\n', n.start - 1) + 1;
      out.push({ start: n.start, end: n.end, body: src.slice(n.start + 1, n.end), trailing: src.slice(lineStart, n.start).trim() !== '' });
      continue;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** Directives of a file; `targets` are op-call spans in bytes, sorted by start. */
export function pythonDirectives(src: string, source: SourceText, root: PyNode, targets: Span[]): { directives: Directive[]; invalid: InvalidDirective[] } {
  if (!src.includes('migsafe')) return { directives: [], invalid: [] };
  return collectDirectives(comments(src, root), source, targets);
}
