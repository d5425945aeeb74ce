/**
 * Real Alembic as the peer check. Every fixture project under fixtures/alembic is rendered by
 * Debian's Alembic in offline mode (`upgrade <a>:<b> --sql`, `downgrade <b>:<a> --sql`; no
 * database is contacted), the SQL is linted by the SQL front end, and the rules that fire must be
 * the same as when migsafe reads the Python. The revision graph (`alembic heads`, `alembic
 * history`) is compared too.
 *
 * Needs the Debian packages `alembic python3-alembic python3-psycopg2` (scripts/test-setup.mjs
 * installs them); skipped with that reason when /usr/bin/alembic is absent.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ready, testConfig } from './helpers.js';
import { activeRules } from '../src/lint.js';
import { ruleIds } from '../rules/index.js';
import { checkMigration } from '../src/engine/lint-migration.js';
import { loadSqlMigration } from '../src/sources/sql/index.js';
import { loadAlembicFile } from '../src/sources/alembic/index.js';
import { historyLine } from '../src/sources/alembic/graph.js';
import { loadGraphs } from '../src/sources/alembic/graphs.js';
import type { Direction, Migration } from '../src/model/migration.js';

const ALEMBIC = '/usr/bin/alembic';
const HAVE = existsSync(ALEMBIC);
const ROOT = join(import.meta.dirname, '..', 'fixtures', 'alembic');
const PROJECTS = ['clean', 'dangerous', 'branched', 'merged', 'nontransactional'];

/** Rules that cannot agree, by construction. Anything else must match exactly. */
const NOT_COMPARED: Record<string, string> = {
  // Ignore comments live in the Python and are not rendered into the SQL, so suppression is
  // compared by using unsuppressed findings on both sides; the meta rules about ignores differ.
  'invalid-ignore': 'ignore comments are Python comments; Alembic does not render them',
  'unused-ignore': 'ignore comments are Python comments; Alembic does not render them',
  // Alembic evaluates the Python, so the rendered SQL has the statements that migsafe refuses to
  // guess. migsafe reports dynamic-sql instead of linting them; see DYNAMIC below.
  'dynamic-sql': 'the rendered SQL is the result of running the f-string; migsafe reads only the source',
  // The shape of downgrade() is not SQL: a raising downgrade cannot be rendered at all (Alembic
  // fails, which the test asserts), and an empty one renders nothing.
  'irreversible-downgrade': 'a property of the Python function, not of the SQL it emits',
};

interface Revision {
  file: string;
  revision: string;
  down: string[];
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runAlembic(project: string, args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      ALEMBIC,
      ['-c', join(ROOT, project, 'alembic.ini'), ...args],
      // No __pycache__ in the fixtures.
      { cwd: join(ROOT, project), encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** Each Alembic run starts Python and SQLAlchemy (~1 s), so all runs happen up front, a few at a time. */
const runs = new Map<string, Run>();
const key = (project: string, args: string[]) => `${project}\0${args.join(' ')}`;
function alembic(project: string, args: string[]): Run {
  const r = runs.get(key(project, args));
  if (!r) throw new Error(`alembic ${args.join(' ')} was not planned for ${project}`);
  return r;
}

/** Alembic's own bookkeeping is not part of the migration. */
function withoutVersionTable(sql: string): string {
  return sql
    .replace(/CREATE TABLE alembic_version \([\s\S]*?\);/g, '')
    .replace(/^(?:INSERT INTO|UPDATE|DELETE FROM) alembic_version\b.*;$/gm, '')
    .replace(/^DROP TABLE alembic_version;$/gm, '');
}

const engine = () => {
  const cfg = testConfig();
  return { active: activeRules(cfg), known: ruleIds, pgVersion: cfg.pgVersion };
};

/** Rule ids raised (suppressed or not: comments do not survive rendering), minus the ones that cannot agree. */
function ruleSet(m: Migration): string[] {
  return [...new Set(checkMigration(m, engine()).map((f) => f.rule))].filter((r) => !NOT_COMPARED[r]).sort();
}

function revisions(project: string): Revision[] {
  const dir = join(ROOT, project, 'versions');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.py'))
    .sort()
    .map((f) => {
      const a = loadAlembicFile({ file: f, text: readFileSync(join(dir, f), 'utf8') });
      return { file: f, revision: a.revision.revision!, down: a.revision.downRevisions };
    });
}

function python(project: string, file: string, direction: Direction) {
  const text = readFileSync(join(ROOT, project, 'versions', file), 'utf8');
  const transactional = !/transactional_ddl\s*=\s*False/.test(readFileSync(join(ROOT, project, 'env.py'), 'utf8'));
  const a = loadAlembicFile({ file, text, transactional });
  return a[direction];
}

// The test list is built from the fixtures' revision headers, so the parsers load before collection.
await ready;

const PYTHON = '/usr/bin/python3';

describe.skipIf(!existsSync(PYTHON))("CPython's own parser agrees with tree-sitter", () => {
  it('on the number of operation calls in every .py case and fixture revision, and on which files do not parse', () => {
    const rulesDir = join(import.meta.dirname, '..', 'rules');
    const files: string[] = [];
    for (const id of readdirSync(rulesDir)) {
      const dir = join(rulesDir, id, 'cases');
      if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith('.py')) files.push(join(dir, f));
    }
    for (const p of readdirSync(ROOT)) for (const f of readdirSync(join(ROOT, p, 'versions'))) if (f.endsWith('.py')) files.push(join(ROOT, p, 'versions', f));
    // test/peer/count_op_calls.py applies the same counting rules with `ast` instead of tree-sitter.
    const r = spawnSync(PYTHON, [join(import.meta.dirname, 'peer', 'count_op_calls.py')], { input: JSON.stringify(files), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const theirs: Record<string, number | 'syntax-error'> = JSON.parse(r.stdout);
    const ours: Record<string, number | 'syntax-error'> = {};
    let total = 0;
    for (const f of files) {
      const a = loadAlembicFile({ file: f, text: readFileSync(f, 'utf8') });
      ours[f] = a.syntaxErrors ? 'syntax-error' : a.opCalls;
      total += a.opCalls;
    }
    expect(ours).toEqual(theirs);
    expect(files.length).toBeGreaterThan(150);
    expect(total).toBeGreaterThan(400);
  });
});

const planned: [string, string[]][] = [];
const plan = (project: string, args: string[]) => {
  planned.push([project, args]);
  return args;
};

describe.skipIf(!HAVE)('real Alembic renders the same dangers migsafe reads from the Python', () => {
  beforeAll(async () => {
    const queue = [...planned];
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) runs.set(key(job[0], job[1]), await runAlembic(job[0], job[1]));
    };
    await Promise.all([worker(), worker()]);
  }, 300_000);

  plan('clean', ['upgrade', 'a1b2c3d4e5f6', '--sql']);
  it('offline rendering needs no database (the fixtures point at a server that does not exist)', () => {
    const r = alembic('clean', ['upgrade', 'a1b2c3d4e5f6', '--sql']);
    expect(readFileSync(join(ROOT, 'clean', 'alembic.ini'), 'utf8')).toContain('postgresql://migsafe@localhost/migsafe_fixture');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE users');
  });

  for (const project of PROJECTS) {
    describe(project, () => {
      for (const rev of revisions(project)) {
        // A merge revision has several parents; an offline range cannot start at two revisions,
        // and its upgrade()/downgrade() are empty anyway (asserted below).
        if (rev.down.length > 1) {
          it(`${rev.file}: merge revision, nothing to render`, () => {
            expect(python(project, rev.file, 'upgrade').operations).toEqual([]);
          });
          continue;
        }
        const from = rev.down[0] ?? null;
        for (const direction of ['upgrade', 'downgrade'] as const) {
          const args = plan(
            project,
            direction === 'upgrade'
              ? ['upgrade', from ? `${from}:${rev.revision}` : rev.revision, '--sql']
              : ['downgrade', `${rev.revision}:${from ?? 'base'}`, '--sql'],
          );
          it(`${rev.file} ${direction}`, () => {
            const py = python(project, rev.file, direction);
            const r = alembic(project, args);
            if (py.problems.some((p) => p.rule === 'irreversible-downgrade' && p.messageId === 'raises')) {
              // Deliberate difference: migsafe reports irreversible-downgrade; Alembic cannot render it.
              expect(r.code).not.toBe(0);
              expect(r.stderr).toContain('NotImplementedError');
              return;
            }
            expect(r.code, r.stderr).toBe(0);
            const sql = loadSqlMigration({ file: `${rev.file}.sql`, text: withoutVersionTable(r.stdout), direction });
            const fromSql = ruleSet(sql);
            const fromPython = ruleSet(py);
            if (py.operations.some((o) => o.kind === 'dynamic_sql')) {
              // Deliberate difference: the rendered SQL holds the statements the f-string produced.
              // migsafe reports dynamic-sql instead; everything it did read must still agree.
              for (const rule of fromPython) expect(fromSql, `${rule} from the Python`).toContain(rule);
              expect(checkMigration(py, engine()).some((f) => f.rule === 'dynamic-sql')).toBe(true);
              return;
            }
            if (!fromPython.includes('change-column-type') && fromSql.includes('change-column-type') && py.operations.some((o) => o.kind === 'alter_column_type' && o.oldType)) {
              // Deliberate difference: existing_type= tells migsafe the old type, so a change PostgreSQL
              // makes without a rewrite (varchar → text) is not reported; the rendered ALTER … TYPE does not say.
              expect(fromPython).toEqual(fromSql.filter((x) => x !== 'change-column-type'));
              return;
            }
            expect(fromPython, `rules from the Python vs from \`alembic ${args.join(' ')}\`\n${r.stdout}`).toEqual(fromSql);
          });
        }
      }
    });
  }

  it('the dangerous project really is dangerous on both sides (the comparison is not vacuous)', () => {
    const all = new Set<string>();
    for (const rev of revisions('dangerous')) for (const d of ['upgrade', 'downgrade'] as const) for (const r of ruleSet(python('dangerous', rev.file, d))) all.add(r);
    for (const r of [
      'add-column-required', 'add-column-volatile-default', 'add-unique-constraint', 'ban-char-type', 'change-column-type',
      'concurrent-in-transaction', 'constraint-not-valid', 'downgrade-data-loss', 'drop-column', 'lock-table', 'prefer-bigint',
      'prefer-identity', 'prefer-jsonb', 'prefer-text', 'prefer-timestamptz', 'rename-column', 'rename-table',
      'require-concurrent-index', 'require-lock-timeout', 'set-not-null', 'truncate-table', 'unbatched-backfill', 'vacuum-full',
    ]) expect([...all]).toContain(r);
  });

  describe('revision graph', () => {
    for (const project of PROJECTS) {
      plan(project, ['heads']);
      plan(project, ['history']);
      it(`${project}: heads and history agree with \`alembic heads\` / \`alembic history\``, async () => {
        const { graphs } = await loadGraphs([join(ROOT, project)], ROOT, ROOT, []);
        expect(graphs).toHaveLength(1);
        const g = graphs[0]!.graph;
        const heads = alembic(project, ['heads']);
        expect(heads.code, heads.stderr).toBe(0);
        const theirHeads = heads.stdout.trim().split('\n').map((l) => l.split(' ')[0]).sort();
        expect([...g.heads].sort()).toEqual(theirHeads);
        const history = alembic(project, ['history']);
        expect(history.code, history.stderr).toBe(0);
        // Alembic prints heads first; migsafe prints base first. The lines are the same.
        const theirs = history.stdout.trim().split('\n').map((l) => l.trim()).sort();
        expect(g.nodes.map(historyLine).sort()).toEqual(theirs);
      });
    }
    plan('broken', ['history']);
    it('broken: Alembic refuses the graph, migsafe names every problem', async () => {
      const r = alembic('broken', ['history']);
      expect(r.code).not.toBe(0);
      const { graphs } = await loadGraphs([join(ROOT, 'broken')], ROOT, ROOT, []);
      const rules = new Set(graphs[0]!.graph.problems.map((p) => p.rule));
      expect([...rules].sort()).toEqual(['duplicate-revision', 'multiple-heads', 'revision-cycle', 'unknown-down-revision']);
    });
  });
});

describe.skipIf(HAVE)('real Alembic', () => {
  it.skip('skipped: /usr/bin/alembic is absent (apt-get install alembic python3-alembic python3-psycopg2)', () => {});
});
