/**
 * The benchmark's Alembic corpus (bench/alembic-corpus.ts) is what the throughput figures are
 * measured on, so it has to be what it claims: reproducible byte for byte, one revision history,
 * every op call it says it wrote found by the front end (and by CPython's ast, when available),
 * and the op mix the issue asks for.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ready } from './helpers.js';
import { generateAlembicCorpus, renderAlembicCorpus, VERSIONS_DIR } from '../bench/alembic-corpus.js';
import { loadAlembicFile } from '../src/sources/alembic/index.js';
import { buildGraph } from '../src/sources/alembic/graph.js';
import { graphInput } from '../src/sources/alembic/graphs.js';
import { discoverAlembic } from '../src/sources/alembic/project.js';
import type { Operation } from '../src/model/operation.js';

// The corpus is loaded once at collection time, so the parsers must be ready first.
await ready;

const OPTS = { files: 240, largeFiles: 1, brokenFiles: 3, merges: 2, seed: 7 };
const corpus = renderAlembicCorpus(OPTS);
const loaded = new Map(corpus.revisions.map((f) => [f, loadAlembicFile({ file: f, text: corpus.texts.get(f)! })] as const));

describe('the Alembic benchmark corpus', () => {
  it('is a pure function of its options', () => {
    const again = renderAlembicCorpus(OPTS);
    expect([...again.texts]).toEqual([...corpus.texts]);
    const other = renderAlembicCorpus({ ...OPTS, seed: 8 });
    expect(other.revisions).not.toEqual(corpus.revisions);
    expect(corpus.revisions).toHaveLength(OPTS.files);
  });

  it('every op call it wrote is found; only the deliberately broken files have syntax errors', () => {
    let written = 0;
    for (const f of corpus.revisions) {
      const a = loaded.get(f)!;
      if (corpus.broken.has(f)) {
        expect(a.syntaxErrors, f).toBeGreaterThan(0);
        continue;
      }
      expect(a.syntaxErrors, f).toBe(0);
      expect(a.opCalls, f).toBe(corpus.calls.get(f));
      written += a.opCalls;
    }
    expect(corpus.broken.size).toBe(OPTS.brokenFiles);
    expect(written).toBeGreaterThan(OPTS.files * 4);
  });

  it('forms one history: one head, the merges it announces, no graph problem', () => {
    const inputs = corpus.revisions.map((f) => graphInput(f, loaded.get(f)!.source, loaded.get(f)!.revision));
    const g = buildGraph(inputs);
    expect(g.problems).toEqual([]);
    expect(g.heads).toEqual(corpus.heads);
    expect(g.bases).toHaveLength(1);
    expect(inputs.filter((i) => i.info.downRevisions.length === 2)).toHaveLength(OPTS.merges);
  });

  it('has the op mix of real projects: columns, indexes, constraints, batch blocks, SQL in every style, downgrades', () => {
    const ops: Operation[] = [];
    for (const a of loaded.values()) ops.push(...a.upgrade.operations, ...a.downgrade.operations);
    const kinds = new Set(ops.map((o) => o.kind));
    for (const k of ['add_column', 'drop_column', 'alter_column_type', 'set_not_null', 'drop_not_null', 'set_default', 'drop_default', 'rename_column',
      'create_table', 'drop_table', 'rename_table', 'create_index', 'drop_index', 'add_constraint', 'drop_constraint', 'insert', 'update', 'delete',
      'dynamic_sql', 'transaction'] as const) {
      expect(kinds, k).toContain(k);
    }
    expect(ops.some((o) => o.kind === 'create_index' && o.concurrent)).toBe(true);
    expect(ops.some((o) => o.kind === 'add_constraint' && o.notValid && o.constraint === 'foreign_key')).toBe(true);
    expect(ops.some((o) => o.kind === 'add_constraint' && o.notValid && o.constraint === 'check')).toBe(true);
    expect(ops.some((o) => o.kind === 'transaction' && o.action === 'autocommit_start')).toBe(true);
    const text = [...corpus.texts.values()].join('\n');
    for (const needle of ['with (op.batch_alter_table(', 'with op.batch_alter_table(', 'op.get_context().autocommit_block()', 'postgresql_concurrently=True',
      'postgresql_not_valid=True', 'op.execute(sa.text(', 'textwrap.dedent(', 'op.execute(f"', '.format(', 'conn.execute(sa.text(',
      'op.bulk_insert(', 'sa.Column(', 'server_default=sa.text(', 'def downgrade', 'raise NotImplementedError', '# migsafe-ignore ', 'revision: str =']) {
      expect(text.includes(needle), needle).toBe(true);
    }
    expect(text).toMatch(/op\.execute\(\n\s+"""\n/); // triple-quoted SQL
    const downs = [...loaded.values()].filter((a) => a.downgrade.operations.length > 0).length;
    expect(downs).toBeGreaterThan(OPTS.files * 0.7);
  });

  it('on disk: an Alembic project, reused while its manifest matches, rewritten when a file changed', () => {
    const base = mkdtempSync(join(tmpdir(), 'migsafe-corpus-'));
    try {
      const dir = join(base, 'alembic');
      const first = generateAlembicCorpus({ dir, ...OPTS });
      expect(first.reused).toBe(false);
      expect(first.files).toEqual(corpus.revisions);
      expect(first.units).toBe([...corpus.calls.values()].reduce((a, b) => a + b, 0));
      for (const [f, text] of corpus.texts) expect(readFileSync(join(dir, f), 'utf8')).toBe(text);
      const second = generateAlembicCorpus({ dir, ...OPTS });
      expect(second).toMatchObject({ reused: true, sha256: first.sha256, units: first.units });
      writeFileSync(join(dir, corpus.revisions[0]!), '# edited\n');
      const third = generateAlembicCorpus({ dir, ...OPTS });
      expect(third).toMatchObject({ reused: false, sha256: first.sha256 });
      // Discovery sees the project through alembic.ini, with every revision file.
      const d = discoverAlembic([dir], base, base, []);
      expect(d.files.map((f) => f.slice(dir.length + 1))).toEqual(corpus.revisions);
      expect(d.files.every((f) => f.includes(`/${VERSIONS_DIR}/`))).toBe(true);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

const PYTHON = '/usr/bin/python3';
describe.skipIf(!existsSync(PYTHON))("CPython's ast agrees on the corpus", () => {
  it('on the op calls of every file and on which files do not parse', () => {
    const base = mkdtempSync(join(tmpdir(), 'migsafe-corpus-'));
    try {
      const dir = join(base, 'alembic');
      generateAlembicCorpus({ dir, ...OPTS });
      const files = corpus.revisions.map((f) => join(dir, f));
      const r = spawnSync(PYTHON, [join(import.meta.dirname, 'peer', 'count_op_calls.py')], { input: JSON.stringify(files), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const theirs: Record<string, number | 'syntax-error'> = JSON.parse(r.stdout);
      const expected = Object.fromEntries(corpus.revisions.map((f) => [join(dir, f), corpus.broken.has(f) ? 'syntax-error' : corpus.calls.get(f)!]));
      expect(theirs).toEqual(expected);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
