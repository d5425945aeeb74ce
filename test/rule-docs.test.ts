/**
 * Docs are executable: each rule README has the required headings, and its examples are run
 * through the linter. Every sql block under "## Bad" must raise the rule; every sql block under
 * "## Safe alternative" and "## How to suppress" must not.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../rules/index.js';
import { ALEMBIC_ONLY, expectClean, expectFindings, lintPython, lintSql, ready } from './helpers.js';

const root = join(import.meta.dirname, '..', 'rules');
const HEADINGS = ["## Why it's dangerous", '## Bad', '## Safe alternative', '## How to suppress'];

export interface DocBlock {
  section: string;
  lang: string;
  code: string;
}

export function docBlocks(md: string): DocBlock[] {
  const out: DocBlock[] = [];
  let section = '';
  const re = /^(## .*)$|^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(md); m; m = re.exec(md)) {
    if (m[1]) section = m[1].trim();
    else out.push({ section, lang: m[2] ?? '', code: m[3] ?? '' });
  }
  return out;
}

function pragma(code: string): { pgVersion?: number; assumeInTransaction?: boolean; transactional?: boolean; direction?: 'upgrade' | 'downgrade' } {
  const m = /^(?:--|#)\s*test-options:\s*(.*)$/m.exec(code);
  const o: { pgVersion?: number; assumeInTransaction?: boolean; transactional?: boolean; direction?: 'upgrade' | 'downgrade' } = {};
  for (const kv of m ? m[1]!.split(/\s+/) : []) {
    const [k, v] = kv.split('=');
    if (k === 'pgVersion') o.pgVersion = Number(v);
    if (k === 'assumeInTransaction') o.assumeInTransaction = v === 'true';
    if (k === 'transactional') o.transactional = v === 'true';
    // SQL only: lint the block as a down migration (*.down.sql). Python blocks have both directions.
    if (k === 'direction' && (v === 'upgrade' || v === 'downgrade')) o.direction = v;
  }
  return o;
}

/** A ```python block is an Alembic revision (or the part of one that matters): linted by the Alembic front end. */
const lintBlock = (b: DocBlock) => (b.lang === 'python' ? lintPython(b.code, pragma(b.code)) : lintSql(b.code, pragma(b.code)));

beforeAll(async () => {
  await ready;
});

describe('registry and folders agree', () => {
  const folders = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory()).sort();
  it('one folder per registered rule, same ids, sorted registry', () => {
    expect(rules.map((r) => r.meta.id)).toEqual(folders);
  });
  it.each(rules.map((r) => [r.meta.id, r] as const))('%s: meta is complete', (id, r) => {
    expect(r.meta.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(r.meta.summary.length).toBeGreaterThan(10);
    expect(Object.keys(r.meta.messages).length).toBeGreaterThan(0);
    expect(r.meta.help).toContain(`migsafe explain ${id}`);
  });
});

describe.each(rules.map((r) => r.meta.id))('docs: %s', (id) => {
  const file = join(root, id, 'README.md');
  const md = existsSync(file) ? readFileSync(file, 'utf8') : '';
  it('has the required headings, in order', () => {
    expect(existsSync(file), `rules/${id}/README.md exists`).toBe(true);
    expect(md.startsWith(`# ${id}\n`), 'first line is "# <rule-id>"').toBe(true);
    let at = 0;
    for (const h of HEADINGS) {
      const i = md.indexOf(`\n${h}\n`, at);
      expect(i, `heading "${h}"`).toBeGreaterThan(-1);
      at = i + 1;
    }
  });
  const scope = rules.find((r) => r.meta.id === id)!.meta.scope ?? 'file';
  // Rules that need git history or a revision graph cannot run a single snippet; their examples are illustrative.
  // SQL and Python (Alembic) blocks are both run; rules that exist only for Alembic may show Python only.
  const blocks = scope === 'file' ? docBlocks(md).filter((b) => b.lang === 'sql' || b.lang === 'python') : [];
  const exampleLang = ALEMBIC_ONLY[id] ? 'python' : 'sql';
  it(`has ${exampleLang === 'sql' ? 'SQL' : 'Python'} examples under Bad and Safe alternative`, () => {
    if (scope !== 'file') {
      expect(docBlocks(md).some((b) => b.section === '## Bad')).toBe(true);
      expect(docBlocks(md).some((b) => b.section === '## Safe alternative')).toBe(true);
      return;
    }
    expect(blocks.some((b) => b.section === '## Bad' && b.lang === exampleLang)).toBe(true);
    expect(blocks.some((b) => b.section === '## Safe alternative' && b.lang === exampleLang)).toBe(true);
  });
  blocks.forEach((b, i) => {
    const what = `${b.lang === 'python' ? 'Alembic ' : ''}example #${i + 1}`;
    if (b.section === '## Bad') it(`Bad ${what} raises ${id}`, () => expectFindings(lintBlock(b), id));
    if (b.section === '## Safe alternative' || b.section === '## How to suppress')
      it(`${b.section.slice(3)} ${what} is clean of ${id}`, () => expectClean(lintBlock(b), id));
  });
});
