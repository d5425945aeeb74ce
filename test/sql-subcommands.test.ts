/**
 * ALTER TABLE with several subcommands: each finding is reported at its own subcommand, found by
 * the top-level commas (not those in strings, identifiers, comments, parentheses or brackets).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { topLevelCommas } from '../src/sources/sql/lexer.js';
import { expectFindings, lintPython, lintSql, ready } from './helpers.js';

beforeAll(async () => {
  await ready;
});

describe('topLevelCommas', () => {
  /** The text between the top-level commas, trimmed. */
  const parts = (s: string) => {
    const at = [-1, ...topLevelCommas(s, 0, s.length), s.length];
    return at.slice(1).map((c, k) => s.slice(at[k]! + 1, c).trim());
  };
  it('skips commas inside strings, identifiers, comments, parentheses and brackets', () => {
    const sql = [
      "ALTER TABLE t ADD COLUMN a numeric(10,2) DEFAULT '1,2',",
      '  ADD COLUMN "b,c" int[] DEFAULT ARRAY[1,2], -- a, comment',
      "  ADD COLUMN d text DEFAULT E'x\\',y' /* c, d */,",
      '  ADD COLUMN e text DEFAULT $q$a,b$q$, ADD CONSTRAINT u UNIQUE (a, d)',
    ].join('\n');
    expect(parts(sql)).toEqual([
      "ALTER TABLE t ADD COLUMN a numeric(10,2) DEFAULT '1,2'",
      'ADD COLUMN "b,c" int[] DEFAULT ARRAY[1,2]',
      "-- a, comment\n  ADD COLUMN d text DEFAULT E'x\\',y' /* c, d */",
      'ADD COLUMN e text DEFAULT $q$a,b$q$',
      'ADD CONSTRAINT u UNIQUE (a, d)',
    ]);
    expect(parts('a, (b, c), d')).toEqual(['a', '(b, c)', 'd']);
  });
  it('finds none in an unterminated string or comment', () => {
    expect(topLevelCommas("x 'a, b", 0, 7)).toEqual([]);
    expect(topLevelCommas('x /* a, b', 0, 9)).toEqual([]);
  });
});

describe('multi-command ALTER TABLE', () => {
  const sql = [
    "SET lock_timeout = '5s';",
    'ALTER TABLE users',
    "  ADD COLUMN note text DEFAULT 'a, b',",
    '  ALTER COLUMN email SET NOT NULL,',
    '  ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id);',
  ].join('\n');

  it('reports each finding at its subcommand', () => {
    const r = lintSql(sql);
    const [nn] = expectFindings(r, 'set-not-null', 1);
    const [fk] = expectFindings(r, 'constraint-not-valid', 1);
    expect(r.at(nn!)).toEqual({ line: 4, column: 3 });
    expect(r.at(fk!)).toEqual({ line: 5, column: 3 });
  });

  it('an ignore above the statement still covers every subcommand', () => {
    const r = lintSql(sql.replace('ALTER TABLE users', '-- migsafe-ignore set-not-null, constraint-not-valid -- checked by hand\nALTER TABLE users'));
    expect(r.active.filter((f) => f.rule === 'set-not-null' || f.rule === 'constraint-not-valid')).toEqual([]);
    expect(r.active.filter((f) => f.rule === 'unused-ignore')).toEqual([]);
  });

  it('one subcommand keeps the statement span', () => {
    const r = lintSql("SET lock_timeout = '5s';\nALTER TABLE users\n  ALTER COLUMN email SET NOT NULL;");
    const [nn] = expectFindings(r, 'set-not-null', 1);
    expect(r.at(nn!)).toEqual({ line: 2, column: 1 });
  });

  it('op.execute SQL in an Alembic revision maps each subcommand back into the Python file', () => {
    const py = [
      'revision = "a1"',
      'down_revision = None',
      'from alembic import op',
      'def upgrade():',
      '    op.execute("SET lock_timeout = \'5s\'")',
      '    op.execute("""',
      '        ALTER TABLE users',
      '            ADD COLUMN note text,',
      '            ALTER COLUMN email SET NOT NULL',
      '    """)',
      'def downgrade():',
      '    pass',
    ].join('\n');
    const r = lintPython(py);
    const [nn] = expectFindings(r, 'set-not-null', 1);
    expect(r.at(nn!)).toEqual({ line: 9, column: 13 });
  });
});
