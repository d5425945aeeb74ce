/**
 * Dialect guards: a branch that cannot run on PostgreSQL (`if bind.dialect.name == "mysql":`) is
 * not linted; the branch that runs there is, and any other condition keeps every branch.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lintPython, ready } from './helpers.js';

beforeAll(async () => {
  await ready;
});

const file = (body: string) => `from alembic import op\nimport sqlalchemy as sa\n\nrevision = "d1"\ndown_revision = None\n\n\ndef upgrade():\n${body.replace(/^/gm, '    ')}\n\n\ndef downgrade():\n    pass\n`;
/** The columns dropped, in order: which branches were linted. */
const dropped = (body: string) => lintPython(file(body)).alembic.upgrade.operations.filter((o) => o.kind === 'drop_column').map((o) => (o as { column: string }).column);

describe('dialect guards', () => {
  it.each([
    ['bind = op.get_bind()\nif bind.dialect.name == "mysql":\n    op.drop_column("t", "my")\nelse:\n    op.drop_column("t", "pg")', ['pg']],
    ['if op.get_bind().dialect.name != "postgresql":\n    op.drop_column("t", "other")', []],
    ['if op.get_context().dialect.name == "postgresql":\n    op.drop_column("t", "pg")\nelse:\n    op.drop_column("t", "other")', ['pg']],
    ['dialect_name = op.get_context().dialect.name\nif dialect_name == "sqlite":\n    op.drop_column("t", "lite")\nelif dialect_name in ("mysql", "mssql"):\n    op.drop_column("t", "my")\nelse:\n    op.drop_column("t", "pg")', ['pg']],
    ['if op.get_bind().engine.name not in ("postgresql",):\n    op.drop_column("t", "other")\nop.drop_column("t", "all")', ['all']],
    ['url = str(op.get_bind().engine.url)\nif url.startswith("mysql"):\n    op.drop_column("t", "my")\nelif url.startswith("postgres"):\n    op.drop_column("t", "pg")\nelse:\n    op.drop_column("t", "lite")', ['pg']],
    ['url = str(op.get_bind().engine.url)\nif url.startswith("sqlite") is False:\n    op.drop_column("t", "not_lite")', ['not_lite']],
    ['bind = op.get_bind()\nif bind.dialect.name == "mysql" and feature_flag:\n    op.drop_column("t", "my")', []],
    ['bind = op.get_bind()\nif not bind.dialect.name == "sqlite" or other:\n    op.drop_column("t", "pg")\nelse:\n    op.drop_column("t", "never")', ['pg']],
  ])('%s', (body, expected) => {
    expect(dropped(body)).toEqual(expected);
  });

  it('a condition that is not only about the dialect keeps every branch', () => {
    expect(dropped('if feature_flag:\n    op.drop_column("t", "a")\nelse:\n    op.drop_column("t", "b")')).toEqual(['a', 'b']);
    expect(dropped('if bind.dialect.name == "mysql" or other:\n    op.drop_column("t", "a")')).toEqual(['a']);
    expect(dropped('name = "x"\nname = y\nif name == "mysql":\n    op.drop_column("t", "a")')).toEqual(['a']);
    expect(dropped('if bind.dialect.name == kind:\n    op.drop_column("t", "a")')).toEqual(['a']);
  });

  it('MySQL SQL in a MySQL-only branch is not a syntax error, and its ops are not findings', () => {
    const r = lintPython(file('url = str(op.get_bind().engine.url)\nif url.startswith("mysql"):\n    op.execute("ALTER TABLE `t` MODIFY `c` DATETIME(6)")\n    op.drop_column("t", "legacy")'));
    expect(r.active.map((f) => f.rule).filter((x) => x !== 'require-lock-timeout' && x !== 'irreversible-downgrade')).toEqual([]);
  });
});
