/** Property tests: no Python input crashes the Alembic front end or the engine, and every span stays inside the file. */
import { beforeAll, describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { caseSeeds, mutatedSeeds } from './fuzz-helpers.js';
import { lintPython, ready } from './helpers.js';
import { loadAlembicFile } from '../src/sources/alembic/index.js';
import { autocommitBlock, batchBlock, executeSql, renderRevision, type SqlStyle } from '../src/sources/alembic/render.js';

beforeAll(async () => {
  await ready;
});

// Seeds: every .py case in the rule folders and every fixture revision.
const seeds = caseSeeds('.py');

const TOKENS = [
  '(', ')', '[', ']', '{', '}', ':', ',', '\n', '    ', '\t', ' ', '"', "'", '"""', "'''", 'f"', 'rb"', '\\', '\\\n', '#', '# migsafe-ignore drop-column -- x',
  'op.', 'op.execute(', 'op.add_column(', 'sa.Column(', 'sa.text(', 'with ', ' as b:', 'b.drop_column(', 'def upgrade():', 'def downgrade():',
  'op.get_context().autocommit_block()', 'op.batch_alter_table(', 'conn = op.get_bind()', 'conn.execute(', 'raise ', 'pass', 'lambda:', 'async ',
  '{x}', '%s', '.format(', '+', '=', 'revision = ', 'down_revision = (', 'None', 'é', '🎉', '\u0000', '\r\n', '\\N{DASH}', '\\x4', '\\u12',
  'DROP COLUMN c', 'ALTER TABLE t', ';', 'BEGIN', 'COMMIT', '$$',
];

const mutated = mutatedSeeds(seeds, TOKENS, 12, 8);
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((a) => a.join(''));

function check(text: string): void {
  const a = loadAlembicFile({ file: 'p.py', text });
  const size = a.source.byteLength;
  for (const m of [a.upgrade, a.downgrade]) {
    for (const o of m.operations) {
      expect(o.start >= 0 && o.start <= o.end && o.end <= size, `op ${o.kind} span ${o.start}-${o.end} of ${size}`).toBe(true);
      expect(o.stmt.start >= 0 && o.stmt.end <= size).toBe(true);
    }
    for (const p of [...m.problems, ...m.directives, ...m.invalidDirectives]) expect(p.start >= 0 && p.end <= size).toBe(true);
  }
  lintPython(text);
}

describe('Alembic front end never throws', () => {
  it('on mutated real revisions', () => {
    fc.assert(fc.property(mutated, check), { numRuns: 500 });
  });
  it('on token soup', () => {
    fc.assert(fc.property(tokenSoup, check), { numRuns: 500 });
  });
  it('on arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), check), { numRuns: 300 });
  });
  it('on deep nesting', () => {
    check(`def upgrade():\n    op.execute(${'('.repeat(5000)}"x"${')'.repeat(5000)})\n`);
    check(`def upgrade():\n${Array.from({ length: 300 }, (_, i) => `${'    '.repeat(i + 1)}if x:`).join('\n')}\n${'    '.repeat(301)}op.drop_table("t")\n`);
    check(`x = ${'a.'.repeat(3000)}b\ndef upgrade():\n    op.execute(x)\n`);
  });
});

describe('the corpus API (renderRevision) produces files the front end reads back exactly', () => {
  const opCall = fc.constantFrom(
    'op.add_column("users", sa.Column("n", sa.Text(), nullable=True))',
    'op.drop_column("users", "legacy")',
    'op.create_index("ix_users_email", "users", ["email"])',
    'op.execute("UPDATE users SET active = true WHERE id < 100")',
    'op.alter_column("users", "email", nullable=False)',
  );
  it('op calls in, the same number of op calls out; the SQL styles all read back statically', () => {
    const style = fc.constantFrom<SqlStyle>('plain', 'text', 'triple', 'concat');
    fc.assert(
      fc.property(fc.array(opCall, { maxLength: 12 }), fc.array(opCall, { maxLength: 6 }), fc.boolean(), style, (up, down, batch, st) => {
        const upgrade = [...up, executeSql("UPDATE users SET note = 'it''s \\ \"ok\"' WHERE id < 10", st)];
        if (batch) upgrade.push(batchBlock('users', ['batch_op.drop_column("legacy")'], { parenthesized: up.length % 2 === 0 }));
        upgrade.push(autocommitBlock(['op.create_index("ix_c", "users", ["c"], postgresql_concurrently=True)']));
        const text = renderRevision({ revision: 'r1', downRevision: ['a', 'b'], message: 'generated', upgrade, downgrade: down });
        const a = loadAlembicFile({ file: 'gen.py', text });
        expect(a.syntaxErrors).toBe(0);
        expect(a.revision).toMatchObject({ revision: 'r1', downRevisions: ['a', 'b'], message: 'generated' });
        expect(a.opCalls).toBe(up.length + 1 + (batch ? 2 : 0) + 1 + down.length);
        expect(a.upgrade.operations.some((o) => o.kind === 'dynamic_sql')).toBe(false);
        expect(a.upgrade.operations.filter((o) => o.kind === 'update').length).toBe(1 + up.filter((c) => c.includes('UPDATE')).length);
      }),
      { numRuns: 200 },
    );
  });
});
