/** JSON report, version 1. This is a contract other tools read: only add fields, never rename. */
import type { LintResult } from '../lint.js';
import { locate, summarize, type Located } from './located.js';

const shape = (f: Located) => ({
  rule: f.rule,
  severity: f.severity,
  file: f.file,
  line: f.line,
  column: f.column,
  endLine: f.endLine,
  endColumn: f.endColumn,
  message: f.message,
  help: f.help,
  direction: f.direction,
  ...(f.phase ? { phase: f.phase } : {}),
});

export function renderJson(result: LintResult): string {
  const { located } = locate(result);
  const doc = {
    version: 1,
    findings: located.filter((f) => !f.suppressed).map(shape),
    suppressed: located.filter((f) => f.suppressed).map((f) => ({ ...shape(f), reason: f.suppressed!.reason })),
    errors: result.fileProblems.map((p) => ({ file: p.file, message: p.message })),
    summary: summarize(result),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
