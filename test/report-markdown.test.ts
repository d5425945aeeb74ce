/**
 * Markdown PR summary: rendered to HTML with markdown-it (GFM tables, HTML allowed, as on GitHub)
 * and checked on the HTML structure; plus the 65,536-character limit with 5,000 findings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse, type HTMLElement } from 'node-html-parser';
import { cell, COMMENT_LIMIT, MARKDOWN_MARKER, renderMarkdown } from '../src/report/markdown.js';
import { ruleDocUrl } from '../src/report/docs.js';
import type { LintResult } from '../src/lint.js';
import { ALEMBIC_FILE, OPTS, SNAPSHOTS, cleanResult, fixtureResult, manyFindings } from './report-helpers.js';
import { ready } from './helpers.js';

let fixture: LintResult;
let clean: LintResult;
beforeAll(async () => {
  await ready;
  fixture = await fixtureResult();
  clean = await cleanResult();
});

const md = new MarkdownIt({ html: true });
const html = (markdown: string) => parse(md.render(markdown));
const text = (e: HTMLElement | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cells = (tr: HTMLElement) => tr.querySelectorAll('th, td');
/** The findings tables: those right after an h3 that names a migration. */
function findingTables(doc: HTMLElement): { file: string; rows: HTMLElement[] }[] {
  return doc.querySelectorAll('h3').filter((h) => h.querySelector('code')).map((h) => {
    const table = h.nextElementSibling;
    expect(table?.tagName).toBe('TABLE');
    return { file: text(h.querySelector('code')), rows: table!.querySelectorAll('tbody tr') };
  });
}

describe('markdown PR summary: structure', () => {
  it('starts with the hidden marker and a headline verdict', () => {
    const out = renderMarkdown(fixture, OPTS);
    expect(out.startsWith(MARKDOWN_MARKER + '\n')).toBe(true);
    const doc = html(out);
    const errors = fixture.findings.filter((f) => !f.suppressed && f.severity === 'error').length;
    const warnings = fixture.findings.filter((f) => !f.suppressed && f.severity === 'warning').length;
    expect(text(doc.querySelector('h2'))).toBe(`❌ migsafe: ${errors} errors, ${warnings} warnings`);
    expect(text(doc.querySelector('h2')!.nextElementSibling)).toMatch(/not safe to deploy.*6 migrations checked · 2 suppressed · fails on errors/);
  });

  it('one table per migration with findings, in file order; every finding is a row', () => {
    const doc = html(renderMarkdown(fixture, OPTS));
    const tables = findingTables(doc);
    const active = fixture.findings.filter((f) => !f.suppressed);
    // one section per file, and per side of an Alembic revision
    expect(tables.map((t) => t.file)).toEqual([...new Set(active.map((f) => `${f.file}|${f.direction}`))].map((k) => k.split('|')[0]));
    expect(tables.reduce((n, t) => n + t.rows.length, 0)).toBe(active.length);
    const head = cells(doc.querySelector('h3 + table thead tr')!).map(text);
    expect(head).toEqual(['', 'Rule', 'Line', 'Finding', 'Safe alternative']);
  });

  it('each row links the rule to its docs and gives the safe alternative', () => {
    const doc = html(renderMarkdown(fixture, OPTS));
    const rows = findingTables(doc).flatMap((t) => t.rows.map((r) => ({ file: t.file, r })));
    const active = fixture.findings.filter((f) => !f.suppressed);
    rows.forEach(({ r }, i) => {
      const f = active[i]!;
      const c = cells(r);
      expect(c).toHaveLength(5);
      const link = c[1]!.querySelector('a')!;
      expect(link.getAttribute('href')).toBe(ruleDocUrl(f.rule));
      expect(text(link)).toBe(f.rule);
      expect(text(c[3])).toBe(f.message.replace(/\s+/g, ' '));
      expect(text(c[4])).toBe(f.help.replace(/`/g, ''));
      expect(text(c[0])).toContain(f.severity);
    });
  });

  it('marks downgrades and includes Alembic revisions', () => {
    const doc = html(renderMarkdown(fixture, OPTS));
    const hs = doc.querySelectorAll('h3').map(text);
    expect(hs).toContain('fixtures/report/005_orders.down.sql · downgrade');
    expect(hs).toContain(`${ALEMBIC_FILE} · upgrade()`);
    expect(hs).toContain(`${ALEMBIC_FILE} · downgrade()`);
    expect(hs).toContain('fixtures/report/001_orders.sql');
  });

  it('suppressed findings and clean migrations are listed in collapsed sections', () => {
    const doc = html(renderMarkdown(fixture, OPTS));
    const details = doc.querySelectorAll('details');
    expect(details.map((d) => text(d.querySelector('summary')))).toEqual(['2 suppressed findings', '2 migrations without findings']);
    const sup = details[0]!.querySelectorAll('tbody tr').map((r) => cells(r).map(text));
    expect(sup).toEqual([
      ['drop-column', 'fixtures/report/002_suppressed.sql:3', 'users.legacy_flag unused since release 42 (PR #1234)'],
      ['rename-column', `${ALEMBIC_FILE}:18`, 'users.handle is read by nothing since release 41'],
    ]);
    // a migration whose only finding is suppressed counts as clean
    expect(details[1]!.querySelectorAll('li').map(text)).toEqual(['fixtures/report/002_suppressed.sql', 'fixtures/report/004_clean.sql']);
  });

  it('zero findings: a green verdict and no tables', () => {
    const doc = html(renderMarkdown(clean, OPTS));
    expect(text(doc.querySelector('h2'))).toBe('✅ migsafe: no problems');
    expect(doc.querySelectorAll('table')).toHaveLength(0);
  });

  it('only warnings: not blocking', () => {
    const warnOnly: LintResult = { ...fixture, findings: fixture.findings.filter((f) => f.severity === 'warning') };
    expect(text(html(renderMarkdown(warnOnly, OPTS)).querySelector('h2'))).toMatch(/^⚠️ migsafe: 0 errors, \d+ warnings$/);
  });

  it("shows the gate's result when a gate ran", () => {
    const doc = html(
      renderMarkdown(fixture, { ...OPTS, gate: { verdict: 'failed', headline: 'downgrade 3f2a9c → 1c0d7e lost data in users.nickname', steps: [{ name: 'snapshot', status: 'passed' }, { name: 'post-checks', status: 'failed', detail: 'users.nickname: 120 non-null → 0' }] } }),
    );
    const h = doc.querySelectorAll('h3').find((e) => text(e).includes('Rollback gate'))!;
    expect(text(h)).toBe('❌ Rollback gate: failed');
    const rows = h.parentNode!.querySelectorAll('table').find((t) => text(t.querySelector('thead')).startsWith('Step'))!.querySelectorAll('tbody tr');
    expect(rows.map((r) => cells(r).map(text))).toEqual([['snapshot', 'passed', ''], ['post-checks', 'failed', 'users.nickname: 120 non-null → 0']]);
  });

  it('table cells survive pipes, newlines, HTML and unbalanced backticks', () => {
    expect(cell('a | b\nc <script> `x')).toBe("a \\| b c &lt;script&gt; 'x");
    const f = fixture.findings.find((x) => !x.suppressed)!;
    const odd: LintResult = { ...fixture, findings: [{ ...f, message: 'uses | pipes\nand <b>tags</b> and `code`', help: 'fix | it' }] };
    const row = findingTables(html(renderMarkdown(odd, OPTS)))[0]!.rows[0]!;
    expect(cells(row)).toHaveLength(5);
    expect(text(cells(row)[3])).toBe('uses | pipes and <b>tags</b> and code');
  });

  it('snapshot: fixture set', async () => {
    await expect(renderMarkdown(fixture, OPTS)).toMatchFileSnapshot(join(SNAPSHOTS, 'fixture.md'));
  });

  it('snapshot: zero findings', async () => {
    await expect(renderMarkdown(clean, OPTS)).toMatchFileSnapshot(join(SNAPSHOTS, 'clean.md'));
  });
});

describe('markdown PR summary: GitHub comment size limit', () => {
  it('5,000 findings: under 65,536 characters, most severe first, and a counted "and N more" line', () => {
    const r = manyFindings(5000, 40, ['error', 'warning', 'info']);
    const out = renderMarkdown(r, OPTS);
    expect(out.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const doc = html(out);
    const rows = findingTables(doc).flatMap((t) => t.rows);
    console.log(`markdown for 5,000 findings: ${out.length.toLocaleString('en-US')} characters, ${rows.length} rows shown`);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.every((row) => text(cells(row)[0]).includes('error'))).toBe(true);
    const more = /…and ([\d,]+) more findings \(([\d,]+) errors, ([\d,]+) warnings, ([\d,]+) notes\)/.exec(text(doc));
    expect(more).not.toBeNull();
    const n = (s: string) => Number(s.replace(/,/g, ''));
    expect(rows.length + n(more![1]!)).toBe(5000);
    expect(n(more![2]!)).toBe(1667 - rows.length);
    expect(n(more![3]!)).toBe(1667);
    expect(n(more![4]!)).toBe(1666);
    expect(text(doc.querySelector('h2'))).toBe('❌ migsafe: 1,667 errors, 1,667 warnings, 1,666 notes');
  });

  it('errors listed last in the input are still the ones shown first', () => {
    const r = manyFindings(5000, 40, ['warning']);
    for (const f of r.findings.slice(-20)) f.severity = 'error';
    const out = renderMarkdown(r, OPTS);
    expect(out.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const rows = findingTables(html(out)).flatMap((t) => t.rows);
    expect(rows.filter((row) => text(cells(row)[0]).includes('error'))).toHaveLength(20);
    expect(rows.length).toBeGreaterThan(20);
    expect(out).toContain(`**…and ${(5000 - rows.length).toLocaleString('en-US')} more findings** (${(5000 - rows.length).toLocaleString('en-US')} warnings)`);
  });

  it('a small report is not truncated', () => {
    const out = renderMarkdown(manyFindings(30, 3, ['error']), OPTS);
    expect(out).not.toContain('more finding');
    expect(findingTables(html(out)).flatMap((t) => t.rows)).toHaveLength(30);
  });
});
