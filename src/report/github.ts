/** GitHub Actions workflow-command annotations. */
import type { LintResult } from '../lint.js';
import { locate, summarize } from './located.js';

const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function renderGithub(result: LintResult): string {
  const { located } = locate(result);
  const lines: string[] = [];
  for (const f of located) {
    if (f.suppressed) continue;
    const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
    const dir = f.direction === 'downgrade' ? ' (downgrade)' : f.language === 'python' ? ' (upgrade)' : '';
    lines.push(
      `::${level} file=${escProp(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},title=${escProp(`migsafe ${f.rule}${dir}`)}::${escData(`${f.message}\n${f.help}`)}`,
    );
  }
  for (const p of result.fileProblems) lines.push(`::error file=${escProp(p.file)},title=migsafe::${escData(p.message)}`);
  const s = summarize(result);
  lines.push(`migsafe: ${s.errors} error(s), ${s.warnings} warning(s) in ${s.files} file(s)${s.suppressed ? `, ${s.suppressed} suppressed` : ''}`);
  return lines.join('\n') + '\n';
}
