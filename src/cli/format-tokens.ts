/**
 * `--format` and `--output` are repeatable, and each `--output` belongs to the `--format` just
 * before it. Commander keeps options of different names apart, so both options append to one
 * shared token list and the order survives. (No imports: main.ts loads this for every command.)
 */
export interface FormatToken {
  kind: 'format' | 'output';
  value: string;
}

/** Commander argParsers for `--format` and `--output` that record one ordered token list. */
export function formatArgParsers(): { format: (v: string) => FormatToken[]; output: (v: string) => FormatToken[] } {
  const tokens: FormatToken[] = [];
  return {
    format: (value) => (tokens.push({ kind: 'format', value }), tokens),
    output: (value) => (tokens.push({ kind: 'output', value }), tokens),
  };
}
