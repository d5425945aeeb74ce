import type { Finding } from '../engine/finding.js';
import type { LintResult } from '../lint.js';
import type { SourceText } from '../sources/source-text.js';
import { LineIndex } from './line-index.js';

export interface Located extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Attach line/column to every finding, building one LineIndex per file that has findings. */
export function locate(result: LintResult): { located: Located[]; indexes: Map<string, LineIndex> } {
  const sources = new Map<string, SourceText>();
  for (const m of result.migrations) sources.set(m.file, m.source);
  const indexes = new Map<string, LineIndex>();
  const indexOf = (file: string): LineIndex | undefined => {
    let idx = indexes.get(file);
    if (!idx) {
      const src = sources.get(file);
      if (!src) return undefined;
      idx = new LineIndex(src);
      indexes.set(file, idx);
    }
    return idx;
  };
  const located = result.findings.map((f): Located => {
    const idx = indexOf(f.file);
    const a = idx ? idx.position(f.start) : { line: 1, column: 1 };
    const b = idx ? (f.end > f.start ? idx.position(f.end) : a) : a;
    return Object.assign({}, f, { line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
  });
  return { located, indexes };
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  /** Informational findings; they never fail a run. */
  infos: number;
  suppressed: number;
  unreadable: number;
}

export function summarize(result: LintResult): Summary {
  let errors = 0;
  let warnings = 0;
  let suppressed = 0;
  let infos = 0;
  for (const f of result.findings) {
    if (f.suppressed) suppressed++;
    else if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  // An Alembic revision yields two migrations (upgrade and downgrade) but is one file.
  return { files: new Set(result.migrations.map((m) => m.file)).size, errors, warnings, infos, suppressed, unreadable: result.fileProblems.length };
}
