/**
 * Markdown PR summary comment: a headline verdict, then the findings grouped by migration in
 * tables (rule linked to its docs, the safe alternative for each), the gate's result when a gate
 * ran, and collapsed lists of suppressed findings and clean migrations.
 *
 * It always fits GitHub's 65,536-character comment limit: when there are too many findings, the
 * most severe are shown first and the rest are counted in an "and N more" line.
 */
import type { LintResult } from '../lint.js';
import { locate, summarize, type Located } from './located.js';
import { REPO_URL, ruleDocUrl, toolVersion } from './docs.js';
import { rankOf, reportFiles, repoPath, type GateSummary, type ReportOptions } from './options.js';

/** Hidden marker that the GitHub Action uses to find (and edit in place) its one PR comment. */
export const MARKDOWN_MARKER = '<!-- migsafe-report -->';
/** GitHub's limit for an issue or PR comment body. */
export const COMMENT_LIMIT = 65_536;
/** Room kept free under the limit (for a wrapper that adds a line or two). */
const RESERVE = 1_024;
const MAX_CELL = 1_000;
const MAX_SUPPRESSED_ROWS = 50;
const MAX_CLEAN_FILES = 50;

const ICON: Record<string, string> = { error: '🔴', warning: '🟡', info: '🔵' };
const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Text for a table cell: no raw pipes, newlines or HTML, and bounded length. */
export function cell(s: string): string {
  let t = s.replace(/\r?\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
  if (t.length > MAX_CELL) t = t.slice(0, MAX_CELL - 1).replace(/\\$/, '') + '…';
  // An odd number of backticks would open a code span that swallows the rest of the row.
  if ((t.match(/`/g) ?? []).length % 2 === 1) t = t.replace(/`/g, "'");
  return t;
}
const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';

function verdict(result: LintResult, failOn: 'error' | 'warning'): string[] {
  const s = summarize(result);
  const failing = failOn === 'warning' ? s.errors + s.warnings : s.errors;
  const counts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), ...(s.infos ? [plural(s.infos, 'note')] : [])].join(', ');
  const checked = `${plural(s.files, 'migration')} checked${s.suppressed ? ` · ${s.suppressed.toLocaleString('en-US')} suppressed` : ''} · fails on ${failOn === 'warning' ? 'warnings' : 'errors'}`;
  if (s.unreadable) {
    return [`## ❌ migsafe could not lint ${plural(s.unreadable, 'file')}`, '', `${counts} in the files it could read. ${checked}.`];
  }
  if (failing) {
    return [`## ❌ migsafe: ${counts}`, '', `This PR has migrations that are not safe to deploy as written. ${checked}.`];
  }
  if (s.errors + s.warnings + s.infos) {
    return [`## ⚠️ migsafe: ${counts}`, '', `Nothing blocks this PR, but review the findings below. ${checked}.`];
  }
  return [`## ✅ migsafe: no problems`, '', `${checked[0]!.toUpperCase()}${checked.slice(1)}.`];
}

function gateSection(g: GateSummary): string[] {
  const icon = g.verdict === 'passed' ? '✅' : g.verdict === 'failed' ? '❌' : '⚠️';
  const out = [`### ${icon} Rollback gate: ${g.verdict}`, '', cell(g.headline)];
  if (g.steps?.length) {
    out.push('', '| Step | Result | Detail |', '| --- | --- | --- |');
    for (const st of g.steps) out.push(`| ${cell(st.name)} | ${st.status} | ${cell(st.detail ?? '')} |`);
  }
  return out;
}

const TABLE_HEAD = ['| | Rule | Line | Finding | Safe alternative |', '| --- | --- | ---: | --- | --- |'];

function row(f: Located): string {
  const sev = `${ICON[f.severity] ?? '⚪'} ${f.severity}`;
  const line = f.endLine > f.line ? `${f.line}–${f.endLine}` : `${f.line}`;
  return `| ${sev} | [${f.rule}](${ruleDocUrl(f.rule)}) | ${line} | ${cell(f.message)} | ${cell(f.help)} |`;
}

/** One section per migration: a file, or one side (upgrade()/downgrade()) of an Alembic revision. */
function sectionHead(path: string, f: Located): string[] {
  const side = f.language === 'python' ? ` · ${f.direction}()` : f.direction === 'downgrade' ? ' · downgrade' : '';
  return ['', `### ${code(path)}${side}`, '', ...TABLE_HEAD];
}
const sectionKey = (f: Located) => `${f.file}\u0000${f.direction}`;

export function renderMarkdown(result: LintResult, opts: ReportOptions = {}): string {
  const failOn = opts.failOn ?? 'error';
  const budget = COMMENT_LIMIT - RESERVE;
  const { located } = locate(result);
  const migrationFiles = new Set(result.migrations.map((m) => m.file));
  const active = located.filter((f) => !f.suppressed);
  const suppressed = located.filter((f) => f.suppressed);

  const head = [MARKDOWN_MARKER, ...verdict(result, failOn)];
  if (result.fileProblems.length) {
    head.push('', '| File | Problem |', '| --- | --- |');
    for (const p of result.fileProblems.slice(0, 50)) head.push(`| ${code(repoPath(p.file, opts))} | ${cell(p.message)} |`);
    if (result.fileProblems.length > 50) head.push('', `…and ${plural(result.fileProblems.length - 50, 'more file')} that could not be read.`);
  }
  if (opts.gate) head.push('', ...gateSection(opts.gate));

  const tail: string[] = [];
  if (suppressed.length) {
    tail.push('', `<details><summary>${plural(suppressed.length, 'suppressed finding')}</summary>`, '', '| Rule | Location | Reason |', '| --- | --- | --- |');
    for (const f of suppressed.slice(0, MAX_SUPPRESSED_ROWS)) tail.push(`| [${f.rule}](${ruleDocUrl(f.rule)}) | ${code(`${repoPath(f.file, opts)}:${f.line}`)} | ${cell(f.suppressed!.reason)} |`);
    if (suppressed.length > MAX_SUPPRESSED_ROWS) tail.push('', `…and ${plural(suppressed.length - MAX_SUPPRESSED_ROWS, 'more suppressed finding')}.`);
    tail.push('', '</details>');
  }
  const withFindings = new Set(active.map((f) => f.file));
  const clean = reportFiles(result).filter((f) => migrationFiles.has(f) && !withFindings.has(f));
  if (clean.length && active.length) {
    tail.push('', `<details><summary>${plural(clean.length, 'migration')} without findings</summary>`, '');
    for (const f of clean.slice(0, MAX_CLEAN_FILES)) tail.push(`- ${code(repoPath(f, opts))}`);
    if (clean.length > MAX_CLEAN_FILES) tail.push(`- …and ${clean.length - MAX_CLEAN_FILES} more`);
    tail.push('', '</details>');
  }
  tail.push('', `<sub>[migsafe](${REPO_URL}) ${toolVersion()} · each rule links to its docs; \`migsafe explain <rule>\` prints them offline.</sub>`);

  // Pick findings most severe first until the budget is spent; show them grouped by migration in file order.
  const order = active.map((f, i) => ({ f, i })).sort((a, b) => rankOf(a.f.severity) - rankOf(b.f.severity) || a.i - b.i);
  const fixed = [...head, ...tail].join('\n').length + 400; // + the "and N more" note
  let used = fixed;
  const picked = new Set<number>();
  const opened = new Set<string>();
  for (const { f, i } of order) {
    const cost = row(f).length + 1 + (opened.has(sectionKey(f)) ? 0 : sectionHead(repoPath(f.file, opts), f).join('\n').length + 1);
    if (used + cost > budget) break;
    used += cost;
    picked.add(i);
    opened.add(sectionKey(f));
  }

  const build = (keep: Set<number>): string => {
    // Sections in file order (upgrade before downgrade); rows in position order within each.
    const sections = new Map<string, { head: string[]; rows: string[] }>();
    const order = active.map((f, i) => ({ f, i })).filter(({ i }) => keep.has(i));
    order.sort((a, b) => (a.f.file === b.f.file ? (a.f.direction === b.f.direction ? a.i - b.i : a.f.direction === 'upgrade' ? -1 : 1) : a.i - b.i));
    for (const { f } of order) {
      let sec = sections.get(sectionKey(f));
      if (!sec) sections.set(sectionKey(f), (sec = { head: sectionHead(repoPath(f.file, opts), f), rows: [] }));
      sec.rows.push(row(f));
    }
    const body: string[] = [];
    for (const sec of sections.values()) body.push(...sec.head, ...sec.rows);
    const rest = active.filter((_f, i) => !keep.has(i));
    if (rest.length) {
      const bySev = new Map<string, number>();
      for (const f of rest) bySev.set(f.severity, (bySev.get(f.severity) ?? 0) + 1);
      const parts = [...bySev].sort((a, b) => rankOf(a[0]) - rankOf(b[0])).map(([s, n]) => plural(n, s === 'info' ? 'note' : s));
      body.push(
        '',
        `**…and ${plural(rest.length, 'more finding')}** (${parts.join(', ')}) not shown here, to stay within GitHub's comment size limit. ` +
          'Run `migsafe lint` locally, or see the code-scanning alerts (SARIF), for the full list.',
      );
    }
    return [...head, ...body, ...tail].join('\n') + '\n';
  };

  let out = build(picked);
  // The estimate above is exact for rows; this only guards against a surprise.
  const keep = [...picked].sort((a, b) => a - b);
  while (out.length > budget && keep.length) {
    const worst = keep.reduce((w, i) => (rankOf(active[i]!.severity) >= rankOf(active[w]!.severity) ? i : w), keep[0]!);
    keep.splice(keep.indexOf(worst), 1);
    out = build(new Set(keep));
  }
  return out;
}
