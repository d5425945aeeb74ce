/** change-column-type with a known old type (Alembic existing_type=): catalog-only changes are not reported. */
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogOnlyChange } from '../rules/change-column-type/rule.js';
import { typeFromSql } from '../src/sources/alembic/sqltypes.js';
import type { OpOf } from '../src/model/operation.js';
import { expectClean, expectFindings, lintPython, lintSql, ready } from './helpers.js';

beforeAll(async () => {
  await ready;
});

const t = (sql: string) => {
  const spec = typeFromSql(sql);
  if (!spec) throw new Error(`no type for ${sql}`);
  return spec;
};

describe('catalogOnlyChange', () => {
  it.each([
    ['varchar(50)', 'varchar(100)'],
    ['varchar(50)', 'varchar(50)'],
    ['character varying(50)', 'varchar'],
    ['varchar(50)', 'text'],
    ['varchar', 'text'],
    ['text', 'varchar'],
    ['numeric(10,2)', 'numeric(12,2)'],
    ['numeric(10)', 'numeric(12,0)'],
    ['decimal(10,2)', 'numeric'],
    ['bit varying(8)', 'varbit(16)'],
    ['varbit(8)', 'bit varying'],
    ['cidr', 'inet'],
    ['integer', 'int4'],
    ['text[]', 'text[]'],
  ])('%s -> %s only touches the catalog', (from, to) => {
    expect(catalogOnlyChange(t(from), t(to))).toBe(true);
  });

  it.each([
    ['varchar(100)', 'varchar(50)'],
    ['varchar', 'varchar(50)'],
    ['text', 'varchar(50)'],
    ['char(10)', 'text'],
    ['char(10)', 'varchar(20)'],
    ['numeric(10,2)', 'numeric(12,3)'],
    ['numeric(10,2)', 'numeric(8,2)'],
    ['numeric', 'numeric(10,2)'],
    ['varbit(16)', 'varbit(8)'],
    ['inet', 'cidr'],
    ['integer', 'bigint'],
    ['timestamp', 'timestamptz'],
    ['varchar(50)[]', 'varchar(100)[]'],
    ['varchar(50)', 'varchar(100)[]'],
    ['json', 'jsonb'],
  ])('%s -> %s is reported', (from, to) => {
    expect(catalogOnlyChange(t(from), t(to))).toBe(false);
  });
});

const revision = (body: string) => `from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "a1"
down_revision = None


def upgrade():
    op.execute("SET LOCAL lock_timeout = '5s'")
${body.replace(/^/gm, '    ')}


def downgrade():
    pass
`;

const typeOps = (text: string) =>
  lintPython(text).alembic.upgrade.operations.filter((o): o is OpOf<'alter_column_type'> => o.kind === 'alter_column_type');

describe('Alembic existing_type', () => {
  it('fills oldType from existing_type, in op and batch_op forms', () => {
    const ops = typeOps(
      revision(`op.alter_column("users", "email", type_=sa.String(100), existing_type=sa.String(50))
with op.batch_alter_table("orders") as batch_op:
    batch_op.alter_column("total", existing_type=sa.Integer(), type_=sa.BigInteger())
op.alter_column("users", "bio", type_=sa.Text())
op.alter_column("users", "flags", type_=postgresql.BIT(8, varying=True), existing_type=postgresql.BIT(4, varying=True))`),
    );
    expect(ops.map((o) => [o.oldType?.display ?? null, o.newType?.display ?? null])).toEqual([
      ['varchar(50)', 'varchar(100)'],
      ['integer', 'bigint'],
      [null, 'text'],
      ['varbit(4)', 'varbit(8)'],
    ]);
  });

  it('leaves oldType unknown when a collation may change', () => {
    const ops = typeOps(
      revision(`op.alter_column("users", "a", type_=sa.String(100, collation="C"), existing_type=sa.String(50))
op.alter_column("users", "b", type_=sa.String(100), existing_type=sa.String(50, "C"))
op.alter_column("users", "c", type_=sa.String(100, collation="C"), existing_type=sa.String(50, collation="C"))
op.alter_column("users", "d", type_=sa.String(100, collation=COLL), existing_type=sa.String(50, collation=COLL))`),
    );
    expect(ops.map((o) => o.oldType?.display ?? null)).toEqual([null, null, 'varchar(50)', null]);
  });

  it('does not report catalog-only changes, reports the rest with the old type', () => {
    const ok = lintPython(
      revision(`op.alter_column("users", "email", type_=sa.String(100), existing_type=sa.String(50))
op.alter_column("users", "nick", type_=sa.Text(), existing_type=sa.VARCHAR(length=64))
op.alter_column("accounts", "amount", type_=sa.Numeric(14, 2), existing_type=sa.NUMERIC(precision=12, scale=2))
op.alter_column("hosts", "net", type_=postgresql.INET(), existing_type=postgresql.CIDR())`),
    );
    expectClean(ok, 'change-column-type');
    // the lock is still taken: require-lock-timeout still looks at these
    expect(ok.migration.operations.filter((o) => o.kind === 'alter_column_type')).toHaveLength(4);

    const bad = lintPython(
      revision(`op.alter_column("users", "email", type_=sa.String(50), existing_type=sa.String(100))
op.alter_column("orders", "total", type_=sa.BigInteger(), existing_type=sa.Integer())
op.alter_column("users", "name", type_=sa.String(100), existing_type=sa.String(50), postgresql_using="trim(name)")
op.alter_column("events", "at", type_=sa.DateTime(timezone=True), existing_type=sa.DateTime())`),
    );
    const f = expectFindings(bad, 'change-column-type', 4);
    expect(f[0]!.message).toContain('from varchar(100) to varchar(50)');
    expect(f[1]!.message).toContain('from integer to bigint');
    expect(f[2]!.message).toContain('USING');
  });

  it('still reports catalog-only changes without a lock_timeout under require-lock-timeout', () => {
    const r = lintPython(`from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None


def upgrade():
    op.alter_column("users", "email", type_=sa.String(100), existing_type=sa.String(50))


def downgrade():
    pass
`);
    expectClean(r, 'change-column-type');
    expectFindings(r, 'require-lock-timeout');
  });
});

describe('SQL', () => {
  it('has no old type, so a widening is still reported', () => {
    const r = lintSql(`SET lock_timeout = '5s';\nALTER TABLE users ALTER COLUMN email TYPE varchar(100);\n`);
    expectFindings(r, 'change-column-type', 1);
  });
});
