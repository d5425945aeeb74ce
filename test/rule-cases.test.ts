/**
 * Every rule's cases/: bad-* must raise the rule, ok-* must not. Runs each case through the
 * same front end and engine as `migsafe lint`.
 */
import { describe, it, beforeAll } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../rules/index.js';
import { ALEMBIC_ONLY, expectClean, expectFindings, lintPython, lintSql, ready, type LintedText } from './helpers.js';

const root = join(import.meta.dirname, '..', 'rules');

/**
 * Optional first-line pragma in a case: `-- test-options: pgVersion=10 assumeInTransaction=true`
 * (SQL), `# test-options: pgVersion=11 transactional=false` (Alembic; transactional=false is an
 * env.py with transactional_ddl=False).
 */
function options(text: string): { pgVersion?: number; assumeInTransaction?: boolean; transactional?: boolean } {
  const m = /^(?:--|#)\s*test-options:\s*(.*)$/m.exec(text);
  const o: { pgVersion?: number; assumeInTransaction?: boolean; transactional?: boolean } = {};
  if (!m) return o;
  for (const kv of m[1]!.split(/\s+/)) {
    const [k, v] = kv.split('=');
    if (k === 'pgVersion') o.pgVersion = Number(v);
    if (k === 'assumeInTransaction') o.assumeInTransaction = v === 'true';
    if (k === 'transactional') o.transactional = v === 'true';
  }
  return o;
}

/**
 * Rules whose scenario Alembic cannot express meaningfully, so they need no .py cases. Empty:
 * every file-scope rule has an op.* form or runs its SQL through op.execute(), and each has
 * .py cases proving the Alembic front end produces the same operations.
 */
export const NO_ALEMBIC_CASES: Record<string, string> = {};

export function lintCase(file: string): LintedText {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.sql')) {
    const down = /down/.test(file.split('/').pop()!.replace(/^(bad|ok)-/, '')) && /\.down\.sql$|_down\.sql$/.test(file);
    return lintSql(text, { ...options(text), file, direction: down ? 'downgrade' : 'upgrade' });
  }
  // An Alembic case is one revision file: upgrade() and downgrade() are both linted.
  if (file.endsWith('.py')) return lintPython(text, { ...options(text), file });
  throw new Error(`no front end for ${file}`);
}

beforeAll(async () => {
  await ready;
});

/** Rules that need git history or a whole revision graph are exercised by real repositories/projects instead. */
export const contextRules = rules.filter((r) => (r.meta.scope ?? 'file') !== 'file').map((r) => r.meta.id);

describe.each(contextRules)('%s (context rule)', (id) => {
  it('is exercised by a test that builds its context', () => {
    const testDir = join(import.meta.dirname);
    const mentioned = readdirSync(testDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.test.ts') && !f.endsWith('rule-cases.test.ts') && !f.endsWith('rule-docs.test.ts'))
      .some((f) => readFileSync(join(testDir, f), 'utf8').includes(`'${id}'`));
    if (!mentioned) throw new Error(`no test under test/ names '${id}'`);
  });
});

describe.each(rules.filter((r) => !contextRules.includes(r.meta.id)).map((r) => r.meta.id))('%s', (id) => {
  const dir = join(root, id, 'cases');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^(bad|ok)-.*\.(sql|py)$/.test(f)).sort() : [];
  const has = (prefix: string, ext: string) => files.some((f) => f.startsWith(prefix) && f.endsWith(ext));
  it('has bad and ok SQL cases', () => {
    if (ALEMBIC_ONLY[id]) return;
    if (!has('bad-', '.sql')) throw new Error(`rules/${id}/cases has no bad-*.sql`);
    if (!has('ok-', '.sql')) throw new Error(`rules/${id}/cases has no ok-*.sql`);
  });
  it('has bad and ok Alembic cases', () => {
    if (NO_ALEMBIC_CASES[id]) return;
    if (!has('bad-', '.py')) throw new Error(`rules/${id}/cases has no bad-*.py (or list the rule in NO_ALEMBIC_CASES with the reason)`);
    if (!has('ok-', '.py')) throw new Error(`rules/${id}/cases has no ok-*.py (or list the rule in NO_ALEMBIC_CASES with the reason)`);
  });
  for (const f of files) {
    it(f, () => {
      const r = lintCase(join(dir, f));
      if (f.startsWith('bad-')) expectFindings(r, id);
      else expectClean(r, id);
    });
  }
});
