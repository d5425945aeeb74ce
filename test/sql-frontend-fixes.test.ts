/**
 * SQL front end and context fixes: COPY … FROM STDIN data, unterminated comments, always-true
 * WHERE, the UTF-8 BOM, transaction/timeout tracking, uncommitted BEGIN, NOT VALID + VALIDATE in
 * one transaction, SET NOT NULL after a validated CHECK, identifier case, and upper-case .SQL files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lex } from '../src/sources/sql/lexer.js';
import { loadSqlMigration } from '../src/sources/sql/index.js';
import { discoverSql, readText, sqlDirection } from '../src/sources/files.js';
import { lint } from '../src/lint.js';
import { locate } from '../src/report/located.js';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../src/config/schema.js';
import { tmp } from './cli-helpers.js';
import { expectClean, expectFindings, lintPython, lintSql, ready, testConfig } from './helpers.js';

beforeAll(async () => {
  await ready;
});

const rulesOf = (r: { active: { rule: string }[] }) => r.active.map((f) => f.rule);

describe('COPY … FROM STDIN data blocks', () => {
  it('skips the rows up to \\. and lints the statements after them', () => {
    const sql = 'COPY users (a) FROM stdin;\n1\n2\n\\.\nALTER TABLE users DROP COLUMN z;\nDROP TABLE y;';
    const r = lintSql(sql);
    expectClean(r, 'syntax-error');
    const [col] = expectFindings(r, 'drop-column', 1);
    const [tbl] = expectFindings(r, 'drop-table', 1);
    expect(r.at(col!)).toEqual({ line: 5, column: 1 });
    expect(r.at(tbl!)).toEqual({ line: 6, column: 1 });
  });

  it('rows that look like SQL, quotes and comments are data, not statements', () => {
    const sql = [
      "SET lock_timeout = '1s';",
      '\\set ON_ERROR_STOP on',
      'COPY public.users (a, b) FROM STDIN WITH (FORMAT text);',
      "1\tDROP TABLE x; O'Brien",
      '2\t-- migsafe-ignore drop-column -- not a comment',
      '3\t/* not a comment either',
      '\\.',
      'ALTER TABLE users DROP COLUMN z;',
    ].join('\r\n');
    const r = lintSql(sql);
    expect(rulesOf(r)).not.toContain('syntax-error');
    expect(rulesOf(r)).not.toContain('drop-table');
    expect(rulesOf(r)).not.toContain('invalid-ignore');
    expect(r.at(expectFindings(r, 'drop-column', 1)[0]!)).toEqual({ line: 8, column: 1 });
    // the COPY itself is still an operation
    expect(r.migration.operations.map((o) => o.kind)).toEqual(['set_config', 'load_data', 'drop_column']);
  });

  it('handles several blocks, psql \\copy … from stdin, and a block without its \\. (data to the end)', () => {
    const sql = 'COPY a FROM stdin;\nx;y\n\\.\n\\copy b from stdin\nDROP TABLE q;\n\\.\nALTER TABLE c DROP COLUMN d;\nCOPY e FROM stdin;\nDROP TABLE never_run;\n';
    const lexed = lex(sql);
    expect(lexed.copyData.map((b) => sql.slice(b.start, b.end))).toEqual(['x;y\n\\.', 'DROP TABLE q;\n\\.', 'DROP TABLE never_run;\n']);
    const r = lintSql(sql);
    expect(rulesOf(r)).not.toContain('syntax-error');
    expect(rulesOf(r)).not.toContain('drop-table');
    expectFindings(r, 'drop-column', 1);
  });
});

describe('unterminated /* comments', () => {
  it('is a syntax-error at the comment, not a file of only comments', () => {
    const m = loadSqlMigration({ file: 't.sql', text: '/* just a comment that never ends\nDROP TABLE x;\n' });
    expect(m.operations).toEqual([]);
    expect(m.problems).toHaveLength(1);
    const r = lintSql('ALTER TABLE t DROP COLUMN c;\n  /* not closed\nDROP TABLE x;\n');
    const [f] = expectFindings(r, 'syntax-error', 1);
    expect(r.at(f!)).toEqual({ line: 2, column: 3 });
    expect(f!.message).toMatch(/unterminated \/\* comment/);
    expectFindings(r, 'drop-column', 1);
    expectClean(r, 'drop-table');
  });

  it('comments nest: /* /* */ is still open, /* /* */ */ is closed', () => {
    const open = lintSql('SELECT 1;\n/* outer /* inner */ still in the outer one\nDROP TABLE x;');
    expect(open.at(expectFindings(open, 'syntax-error', 1)[0]!)).toEqual({ line: 2, column: 1 });
    expectClean(open, 'drop-table');
    expect(lex('/* a /* b */').unterminatedComment).toBe(0);
    const closed = lintSql('/* outer /* inner */ outer */ DROP TABLE x;');
    expectClean(closed, 'syntax-error');
    expectFindings(closed, 'drop-table', 1);
    expect(lex('/* a /* b */ */ SELECT 1;').unterminatedComment).toBe(-1);
  });
});

describe('unbatched-backfill: always-true WHERE', () => {
  it('says the WHERE is always true instead of missing', () => {
    const [t] = expectFindings(lintSql('DELETE FROM users WHERE true;'), 'unbatched-backfill', 1);
    expect(t!.message).toMatch(/^DELETE with a WHERE clause that is always true/);
    expect(t!.message).not.toContain('without a WHERE');
    const [u] = expectFindings(lintSql('UPDATE users SET a = 1 WHERE 1 = 1;'), 'unbatched-backfill', 1);
    expect(u!.message).toMatch(/^UPDATE with a WHERE clause that is always true/);
    const [m] = expectFindings(lintSql('DELETE FROM users;'), 'unbatched-backfill', 1);
    expect(m!.message).toMatch(/^DELETE without a WHERE clause/);
  });
});

describe('UTF-8 byte-order mark', () => {
  it('is dropped by readText, so the first statement is at 1:1', async () => {
    const dir = tmp();
    const file = join(dir, 'bom.sql');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('DROP TABLE a;\n-- c\n  DROP TABLE b;\n')]));
    const read = readText(file);
    expect(read.ok && read.text.startsWith('DROP TABLE a;')).toBe(true);
    const result = await lint({ paths: [file], cwd: dir, config: testConfig({ root: dir }), threads: 1 });
    const drops = locate(result).located.filter((f) => f.rule === 'drop-table');
    expect(drops.map((f) => [f.line, f.column])).toEqual([[1, 1], [3, 3]]);
  });
});

describe('transactions and timeouts', () => {
  it('COMMIT AND CHAIN / ROLLBACK AND CHAIN reopen a transaction', () => {
    expectFindings(lintSql('BEGIN;\nCOMMIT AND CHAIN;\nCREATE INDEX CONCURRENTLY i ON users (a);'), 'concurrent-in-transaction', 1);
    expectFindings(lintSql('BEGIN; ROLLBACK AND CHAIN;\nCREATE INDEX CONCURRENTLY i ON users (a);'), 'concurrent-in-transaction', 1);
    expectClean(lintSql('BEGIN;\nCOMMIT AND NO CHAIN;\nCREATE INDEX CONCURRENTLY i ON users (a);'), 'concurrent-in-transaction');
    // SET LOCAL ends with the chained COMMIT
    expectFindings(lintSql("BEGIN;\nSET LOCAL lock_timeout = '1s';\nCOMMIT AND CHAIN;\nALTER TABLE users DROP COLUMN x;\nCOMMIT;"), 'require-lock-timeout', 1);
  });

  it('RESET ALL and DISCARD ALL clear lock_timeout', () => {
    expectFindings(lintSql("SET lock_timeout = '1s';\nRESET ALL;\nALTER TABLE users DROP COLUMN x;"), 'require-lock-timeout', 1);
    expectFindings(lintSql("SET lock_timeout = '1s'; DISCARD ALL;\nALTER TABLE users DROP COLUMN x;"), 'require-lock-timeout', 1);
    expectFindings(lintSql("BEGIN;\nSET LOCAL lock_timeout = '1s';\nRESET ALL;\nALTER TABLE users DROP COLUMN x;\nCOMMIT;"), 'require-lock-timeout', 1);
    expectClean(lintSql("RESET ALL;\nSET lock_timeout = '1s';\nALTER TABLE users DROP COLUMN x;"), 'require-lock-timeout');
    expectClean(lintSql("SET lock_timeout = '1s';\nDISCARD PLANS;\nALTER TABLE users DROP COLUMN x;"), 'require-lock-timeout');
  });

  it('a ROLLBACK undoes a plain SET made inside the transaction, not one made before it', () => {
    expectFindings(lintSql("BEGIN;\nSET lock_timeout = '1s';\nROLLBACK;\nALTER TABLE users DROP COLUMN x;"), 'require-lock-timeout', 1);
    expectFindings(lintSql("SET lock_timeout = '1s';\nROLLBACK;\nALTER TABLE users DROP COLUMN x;", { assumeInTransaction: true }), 'require-lock-timeout', 1);
    expectClean(lintSql("SET lock_timeout = '1s';\nBEGIN;\nROLLBACK;\nALTER TABLE users DROP COLUMN x;"), 'require-lock-timeout');
    expectClean(lintSql("BEGIN;\nSET lock_timeout = '1s';\nCOMMIT;\nALTER TABLE users DROP COLUMN x;"), 'require-lock-timeout');
    // RESET inside a rolled-back transaction is undone too
    expectClean(lintSql("SET lock_timeout = '1s';\nBEGIN;\nRESET lock_timeout;\nROLLBACK;\nALTER TABLE users DROP COLUMN x;"), 'require-lock-timeout');
    // SET LOCAL ends at COMMIT and at ROLLBACK
    expectFindings(lintSql("BEGIN;\nSET LOCAL lock_timeout = '1s';\nROLLBACK;\nALTER TABLE users DROP COLUMN x;"), 'require-lock-timeout', 1);
  });
});

describe('transaction-nesting: BEGIN never committed', () => {
  it('reports a BEGIN without COMMIT/ROLLBACK by the end of the file, at the BEGIN', () => {
    const r = lintSql("SELECT 1;\n  BEGIN;\nSET LOCAL lock_timeout='1s';\nALTER TABLE users ADD COLUMN a int;\n");
    const [f] = expectFindings(r, 'transaction-nesting', 1);
    expect(r.at(f!)).toEqual({ line: 2, column: 3 });
    expect(f!.messageId).toBe('uncommitted');
    expect(f!.message).toMatch(/^This BEGIN opens a transaction that is never committed or rolled back/);
  });

  it('only the BEGIN after the last COMMIT/ROLLBACK; nested BEGINs and runner transactions are not uncommitted', () => {
    const r = lintSql('BEGIN;\nCOMMIT;\nSTART TRANSACTION;\nSELECT 1;');
    expect(r.at(expectFindings(r, 'transaction-nesting', 1)[0]!)).toEqual({ line: 3, column: 1 });
    expectClean(lintSql('BEGIN;\nSELECT 1;\nROLLBACK;'), 'transaction-nesting');
    // the nested BEGIN is reported as nested, and the COMMIT ends the transaction
    const nested = lintSql('BEGIN;\nBEGIN;\nCOMMIT;');
    expect(expectFindings(nested, 'transaction-nesting', 1)[0]!.messageId).toBe('nested');
    // under the runner, BEGIN is nested (reported as such) and the runner commits
    const runner = lintSql('BEGIN;\nALTER TABLE users ADD COLUMN a int;', { assumeInTransaction: true });
    expect(expectFindings(runner, 'transaction-nesting', 1)[0]!.messageId).toBe('nested');
  });

  it('COMMIT AND CHAIN at the end leaves a transaction open; under a runner it is reported once, as COMMIT', () => {
    const r = lintSql('BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\nSELECT 2;');
    const [f] = expectFindings(r, 'transaction-nesting', 1);
    expect(f!.message).toMatch(/^This COMMIT AND CHAIN opens a transaction/);
    expect(r.at(f!)).toEqual({ line: 3, column: 1 });
    expectClean(lintSql('BEGIN;\nCOMMIT AND CHAIN;\nCOMMIT;'), 'transaction-nesting');
    const runner = lintSql('ALTER TABLE users ADD COLUMN a int;\nCOMMIT AND CHAIN;\nSELECT 1;', { assumeInTransaction: true });
    expect(expectFindings(runner, 'transaction-nesting', 1).map((x) => x.messageId)).toEqual(['managed']);
  });

  it('an Alembic revision with transactional DDL off', () => {
    const py = `from alembic import op\nrevision = "a1"\ndown_revision = None\n\ndef upgrade():\n    op.execute("BEGIN")\n    op.execute("ALTER TABLE users ADD COLUMN a int")\n\ndef downgrade():\n    pass\n`;
    expectFindings(lintPython(py, { transactional: false }), 'transaction-nesting', 1);
    expect(lintPython(py).active.filter((f) => f.rule === 'transaction-nesting').map((f) => f.messageId)).toEqual(['nested']);
  });
});

describe('constraint-not-valid: VALIDATE in the same transaction as the NOT VALID add', () => {
  it('explicit transaction: reported at the VALIDATE, with the ADD lock', () => {
    const sql = "BEGIN;\nSET LOCAL lock_timeout='1s';\nALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (o) REFERENCES orgs (id) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT fk;\nCOMMIT;";
    const r = lintSql(sql);
    const [f] = expectFindings(r, 'constraint-not-valid', 1);
    expect(r.at(f!)).toEqual({ line: 4, column: 1 });
    expect(f!.message).toContain('SHARE ROW EXCLUSIVE');
    expect(f!.message).toContain('separate transaction');
    const check = lintSql("BEGIN;\nALTER TABLE users ADD CONSTRAINT ck CHECK (a > 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT ck;\nCOMMIT;");
    expect(expectFindings(check, 'constraint-not-valid', 1)[0]!.message).toContain('ACCESS EXCLUSIVE');
    // one statement, one transaction
    expectFindings(lintSql('ALTER TABLE users ADD CONSTRAINT ck CHECK (a > 0) NOT VALID, VALIDATE CONSTRAINT ck;'), 'constraint-not-valid', 1);
  });

  it('runner transaction (assumeInTransaction), but not across COMMIT or without a transaction', () => {
    const sql = 'ALTER TABLE users ADD CONSTRAINT ck CHECK (a > 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT ck;';
    expectFindings(lintSql(sql, { assumeInTransaction: true }), 'constraint-not-valid', 1);
    expectClean(lintSql(sql), 'constraint-not-valid');
    expectClean(lintSql(`BEGIN;\n${sql.replace('\n', '\nCOMMIT;\nBEGIN;\n')}\nCOMMIT;`), 'constraint-not-valid');
    expectClean(lintSql('BEGIN;\nALTER TABLE users ADD CONSTRAINT ck CHECK (a > 0) NOT VALID;\nROLLBACK AND CHAIN;\nALTER TABLE users VALIDATE CONSTRAINT ck;\nCOMMIT;'), 'constraint-not-valid');
    // a constraint added elsewhere, or another constraint's name
    expectClean(lintSql('BEGIN;\nALTER TABLE users VALIDATE CONSTRAINT ck;\nCOMMIT;'), 'constraint-not-valid');
    expectClean(lintSql('BEGIN;\nALTER TABLE users ADD CONSTRAINT ck CHECK (a > 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT ck;\nCOMMIT;'), 'constraint-not-valid');
  });

  it('not for a table created in the same file', () => {
    expectClean(lintSql('BEGIN;\nCREATE TABLE t (a int);\nALTER TABLE t ADD CONSTRAINT ck CHECK (a > 0) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT ck;\nCOMMIT;'), 'constraint-not-valid');
  });

  const revision = (body: string) => `from alembic import op\nimport sqlalchemy as sa\nrevision = "a1"\ndown_revision = None\n\ndef upgrade():\n${body}\n\ndef downgrade():\n    pass\n`;

  it('Alembic: the same revision is one transaction, unless the VALIDATE is in autocommit_block()', () => {
    const same = revision('    op.create_check_constraint("ck", "users", "a > 0", postgresql_not_valid=True)\n    op.execute("ALTER TABLE users VALIDATE CONSTRAINT ck")');
    const r = lintPython(same);
    const [f] = expectFindings(r, 'constraint-not-valid', 1);
    expect(r.at(f!).line).toBe(8);
    expect(f!.message).toContain('ACCESS EXCLUSIVE');
    const block = revision('    op.create_check_constraint("ck", "users", "a > 0", postgresql_not_valid=True)\n    with op.get_context().autocommit_block():\n        op.execute("ALTER TABLE users VALIDATE CONSTRAINT ck")');
    expectClean(lintPython(block), 'constraint-not-valid');
    expectClean(lintPython(same, { transactional: false }), 'constraint-not-valid');
    const created = revision('    op.create_table("users", sa.Column("a", sa.Integer()))\n    op.create_check_constraint("ck", "users", "a > 0", postgresql_not_valid=True)\n    op.execute("ALTER TABLE users VALIDATE CONSTRAINT ck")');
    expectClean(lintPython(created), 'constraint-not-valid');
  });
});

describe('set-not-null after a validated CHECK (col IS NOT NULL) in the same file', () => {
  const validated = "BEGIN;\nALTER TABLE users ADD CONSTRAINT nn CHECK (email IS NOT NULL) NOT VALID;\nCOMMIT;\nALTER TABLE users VALIDATE CONSTRAINT nn;\nSET lock_timeout = '1s';\n";

  it('is not reported on PostgreSQL 12+, still reported before 12', () => {
    expectClean(lintSql(`${validated}ALTER TABLE users ALTER COLUMN email SET NOT NULL;`), 'set-not-null');
    expectClean(lintSql(`${validated}ALTER TABLE users ALTER COLUMN email SET NOT NULL;`, { pgVersion: 12 }), 'set-not-null');
    const old = lintSql(`${validated}ALTER TABLE users ALTER COLUMN email SET NOT NULL;`, { pgVersion: 11 });
    const [f] = expectFindings(old, 'set-not-null', 1);
    expect(f!.message).toContain('before PostgreSQL 12');
    // a CHECK added valid proves it at once; AND-ed conditions count
    expectClean(lintSql("ALTER TABLE users ADD CONSTRAINT nn CHECK (email IS NOT NULL AND name IS NOT NULL);\nALTER TABLE users ALTER COLUMN name SET NOT NULL;"), 'set-not-null');
  });

  it('needs the CHECK validated, on the same table and column, and not dropped', () => {
    expectFindings(lintSql('ALTER TABLE users ADD CONSTRAINT nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;'), 'set-not-null', 1);
    expectFindings(lintSql(`${validated}ALTER TABLE users ALTER COLUMN name SET NOT NULL;`), 'set-not-null', 1);
    expectFindings(lintSql(`${validated}ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;`), 'set-not-null', 1);
    expectFindings(lintSql(`${validated}ALTER TABLE users DROP CONSTRAINT nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;`), 'set-not-null', 1);
    expectFindings(lintSql('ALTER TABLE users ADD CONSTRAINT c CHECK (email IS NOT NULL OR name IS NOT NULL);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;'), 'set-not-null', 1);
  });

  it('help gives the PostgreSQL 12+ path only from 12 on', () => {
    const [now] = expectFindings(lintSql('ALTER TABLE users ALTER COLUMN email SET NOT NULL;'), 'set-not-null', 1);
    expect(now!.help).toContain('PostgreSQL 12+ skips the scan');
    const [old] = expectFindings(lintSql('ALTER TABLE users ALTER COLUMN email SET NOT NULL;', { pgVersion: 11 }), 'set-not-null', 1);
    expect(old!.help).not.toContain('12+ skips');
    expect(old!.help).toContain('keep the validated CHECK instead of SET NOT NULL');
    expect(old!.help).not.toMatch(/\{\w+\}/);
  });
});

describe('same-file exemption and identifier case', () => {
  it('quoted identifiers keep their case, unquoted ones fold to lower case', () => {
    const idx = (sql: string) => lintSql(sql).active.filter((f) => f.rule === 'require-concurrent-index').length;
    expect(idx('CREATE TABLE foo (id int);\nCREATE INDEX ON "Foo" (id);')).toBe(1);
    expect(idx('CREATE TABLE "Foo" (id int);\nCREATE INDEX ON "Foo" (id);')).toBe(0);
    expect(idx('CREATE TABLE Foo (id int);\nCREATE INDEX ON foo (id);')).toBe(0);
    expect(idx('CREATE TABLE "Foo" (id int);\nCREATE INDEX ON foo (id);')).toBe(1);
    expect(idx('CREATE TABLE Foo (id int);\nCREATE INDEX ON "foo" (id);')).toBe(0);
    expect(idx('CREATE TABLE public."Foo" (id int);\nCREATE INDEX ON "Foo" (id);')).toBe(0);
  });
});

describe('directory discovery', () => {
  it('finds .SQL and DOWN.SQL in any case; globs still apply', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'm', '001'), { recursive: true });
    mkdirSync(join(dir, 'skip'));
    writeFileSync(join(dir, 'm', 'V1__init.SQL'), 'SELECT 1;\n');
    writeFileSync(join(dir, 'm', '001', 'UP.Sql'), 'SELECT 1;\n');
    writeFileSync(join(dir, 'm', '001', 'DOWN.SQL'), 'SELECT 1;\n');
    writeFileSync(join(dir, 'm', 'notes.txt'), 'x');
    writeFileSync(join(dir, 'skip', 'X.SQL'), 'SELECT 1;\n');
    const found = discoverSql(['.'], dir, dir, DEFAULT_INCLUDE, [...DEFAULT_EXCLUDE, 'skip/**']);
    expect(found.problems).toEqual([]);
    expect(found.files.map((f) => f.slice(dir.length + 1))).toEqual(['m/001/DOWN.SQL', 'm/001/UP.Sql', 'm/V1__init.SQL']);
    expect(sqlDirection(join(dir, 'm', '001', 'DOWN.SQL'))).toBe('downgrade');
  });
});

describe('placeholders: psql variables (:name, :\'name\', :"name"), ${flyway}, {{ go templates }}', () => {
  it('a statement that only fails on psql variables is linted, with no syntax-error', () => {
    const sql = [
      '\\set owner app',
      'ALTER SCHEMA billing OWNER TO :owner;',
      "ALTER USER app WITH PASSWORD :'pgpass';",
      'GRANT USAGE ON SCHEMA billing TO :"reader";',
      'ALTER TABLE users DROP COLUMN legacy, ALTER COLUMN note TYPE varchar(10) USING note::varchar(10);',
      'SELECT arr[1:2] FROM t WHERE id = :id;',
    ].join('\n');
    const r = lintSql(sql);
    expectClean(r, 'syntax-error');
    const [drop] = expectFindings(r, 'drop-column', 1);
    expect(r.at(drop!).line).toBe(5);
  });

  it('a real syntax error next to a psql variable is still reported, at its place', () => {
    const r = lintSql("SELECT 1;\nALTER TABLE t OWNER TO :owner DROPP;\nALTER TABLE users DROP COLUMN x;");
    const [e] = expectFindings(r, 'syntax-error', 1);
    expect(r.at(e!).line).toBe(2);
    expectFindings(r, 'drop-column', 1);
  });

  it('a psql meta-command after a statement (\\gexec) ends it, like a semicolon', () => {
    const sql = "SELECT 'CREATE DATABASE app' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'app')\\gexec\nALTER TABLE users DROP COLUMN x;";
    const r = lintSql(sql);
    expectClean(r, 'syntax-error');
    expect(r.at(expectFindings(r, 'drop-column', 1)[0]!).line).toBe(2);
    expect(lex(sql).metaCommands.map((m) => sql.slice(m.start, m.end))).toEqual(['\\gexec']);
  });

  it('Flyway / Liquibase ${placeholders} and Go {{ templates }} stand for a name', () => {
    const r = lintSql('ALTER TABLE ${schema}.users DROP COLUMN legacy;\nCREATE INDEX users_a ON {{ index .Options "Namespace" }}.users (a);\nSELECT \'${not_a_placeholder}\';');
    expectClean(r, 'syntax-error');
    expect(expectFindings(r, 'drop-column', 1)[0]!.message).toContain('__schema_.users');
    expectFindings(r, 'require-concurrent-index', 1);
  });

  it('casts, slices, named arguments and strings are not variables', async () => {
    const { maskPlaceholders } = await import('../src/sources/sql/lexer.js');
    expect(maskPlaceholders("SELECT a::int, arr[1:n], f(x := 1), ':x', \":y\" -- :z\n")).toBeNull();
    expect(maskPlaceholders("SELECT :a, :'b', :\"c\"")).toBe('SELECT  a,  \'b\',  "c"');
    expect(maskPlaceholders('SELECT ${a.b}, {{ .X }}, $1, $$ ${x} $$')).toBe('SELECT __a_b_, ____X___, $1, $$ ${x} $$');
  });
});
