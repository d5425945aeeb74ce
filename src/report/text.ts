/** Human-readable report: file:line:col, rule, message, code frame, help, summary. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { LintResult } from '../lint.js';
import { locate, summarize } from './located.js';
import type { LineIndex } from './line-index.js';

export interface TextOptions {
  color: boolean;
  /** Include suppressed findings (marked as such). */
  showSuppressed?: boolean;
}

export function renderText(result: LintResult, opts: TextOptions): string {
  const c: ChalkInstance = new Chalk({ level: opts.color ? 1 : 0 });
  const { located, indexes } = locate(result);
  const out: string[] = [];
  for (const f of located) {
    if (f.suppressed && !opts.showSuppressed) continue;
    const sev = f.suppressed ? c.dim('suppressed') : f.severity === 'error' ? c.red.bold('error') : f.severity === 'warning' ? c.yellow.bold('warning') : c.blue.bold('info');
    // Alembic revisions have two bodies, so both are named; SQL files only when they are down files
    const dir = f.direction === 'downgrade' ? ` ${c.magenta('[downgrade]')}` : f.language === 'python' ? ` ${c.magenta('[upgrade]')}` : '';
    out.push(`${c.bold(`${f.file}:${f.line}:${f.column}`)} ${sev} ${c.cyan(f.rule)}${dir}`);
    out.push(`  ${f.message}`);
    const idx = indexes.get(f.file);
    if (idx) out.push(...frame(idx, f.line, f.endLine, f.column, c));
    out.push(`  ${c.green('help:')} ${f.help}`);
    if (f.suppressed) out.push(`  ${c.dim(`suppressed: ${f.suppressed.reason}`)}`);
    out.push('');
  }
  const s = summarize(result);
  const total = s.errors + s.warnings;
  const parts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`];
  if (s.infos) parts.push(`${s.infos} info`);
  const tail = `${s.files} file${s.files === 1 ? '' : 's'} checked${s.suppressed ? `, ${s.suppressed} suppressed` : ''}${s.unreadable ? `, ${s.unreadable} could not be read` : ''}`;
  const head = total === 0 ? c.green('✔ no problems') : (s.errors ? c.red : c.yellow)(`✖ ${total} problem${total === 1 ? '' : 's'}`);
  out.push(`${head} (${parts.join(', ')}) · ${tail}`);
  return out.join('\n') + '\n';
}

const MAX_FRAME = 6;

function frame(idx: LineIndex, line: number, endLine: number, column: number, c: ChalkInstance): string[] {
  const last = Math.min(endLine, line + MAX_FRAME - 1);
  const width = String(last).length;
  const rows: string[] = [];
  for (let l = line; l <= last; l++) {
    const text = idx.lineText(l).replace(/\t/g, '  ');
    rows.push(`  ${c.dim(`${String(l).padStart(width)} |`)} ${text}`);
    if (l === line) rows.push(`  ${' '.repeat(width)} ${c.dim('|')} ${' '.repeat(Math.max(0, column - 1))}${c.red('^')}`);
  }
  if (endLine > last) rows.push(`  ${' '.repeat(width)} ${c.dim('|')} ${c.dim(`… ${endLine - last} more line${endLine - last === 1 ? '' : 's'}`)}`);
  return rows;
}
