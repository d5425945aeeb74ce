import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlMigration } from '../src/sources/sql/index.js';
import { lex } from '../src/sources/sql/lexer.js';
import { LineIndex } from '../src/report/line-index.js';
import { expectClean, expectFindings, lintSql, ready } from './helpers.js';

beforeAll(async () => {
  await ready;
});

const load = (text: string) => loadSqlMigration({ file: 't.sql', text });
const posOf = (text: string, byte: number) => new LineIndex(load(text).source).position(byte);

describe('SQL front end: operations', () => {
  it('turns one multi-command ALTER TABLE into one operation per command', () => {
    const m = load('ALTER TABLE t ADD COLUMN a int, DROP COLUMN b, ALTER COLUMN c SET NOT NULL, ADD CONSTRAINT k CHECK (a > 0) NOT VALID;');
    expect(m.operations.map((o) => o.kind)).toEqual(['add_column', 'drop_column', 'set_not_null', 'add_constraint']);
    const k = m.operations[3]!;
    expect(k.kind === 'add_constraint' && k.notValid && k.constraint === 'check').toBe(true);
  });

  it('reads column details: type, NOT NULL, default volatility, serial, generated, references', () => {
    const m = load(`ALTER TABLE t ADD COLUMN a varchar(20) NOT NULL DEFAULT 'x', ADD COLUMN b uuid DEFAULT gen_random_uuid(),
      ADD COLUMN c bigserial, ADD COLUMN d int GENERATED ALWAYS AS (a + 1) STORED, ADD COLUMN e int REFERENCES u (id),
      ADD COLUMN f timestamptz DEFAULT now();`);
    const cols = m.operations.filter((o) => o.kind === 'add_column').map((o) => (o.kind === 'add_column' ? o.column : null)!);
    expect(cols[0]).toMatchObject({ name: 'a', notNull: true, type: { name: 'varchar', mods: [20] }, default: { volatility: 'constant' } });
    expect(cols[1]!.default!.volatility).toBe('volatile');
    expect(cols[2]).toMatchObject({ notNull: true, type: { name: 'bigserial' } });
    expect(cols[3]!.generated).toBe('stored');
    expect(cols[4]!.references).toBe('u');
    expect(cols[5]!.default!.volatility).toBe('stable');
    // the inline REFERENCES also yields an add_constraint operation
    expect(m.operations.some((o) => o.kind === 'add_constraint' && o.viaColumn === 'e' && o.constraint === 'foreign_key')).toBe(true);
  });

  it('keeps schema-qualified names', () => {
    const m = load('CREATE INDEX CONCURRENTLY i ON app.users (email);');
    expect(m.operations[0]).toMatchObject({ kind: 'create_index', table: 'app.users', concurrent: true, name: 'app.i' });
  });
});

describe('SQL front end: positions', () => {
  it('reports a statement at its first keyword, not at the comment above it', () => {
    const sql = '-- drop the flag\n/* really */\n  ALTER TABLE users DROP COLUMN flag;\n';
    const r = lintSql(sql);
    const f = expectFindings(r, 'drop-column', 1)[0]!;
    expect(r.at(f)).toEqual({ line: 3, column: 3 });
  });

  it('converts UTF-8 byte offsets to lines and character columns', () => {
    const sql = "SELECT 'héllo wörld ✓ 🎉';\nSELECT 1; ALTER TABLE users DROP COLUMN flag;\n";
    const r = lintSql(sql);
    const f = expectFindings(r, 'drop-column', 1)[0]!;
    expect(r.at(f)).toEqual({ line: 2, column: 11 });
    // byte offset really is a byte offset
    expect(f.start).toBe(Buffer.byteLength("SELECT 'héllo wörld ✓ 🎉';\nSELECT 1; "));
  });

  it('handles non-ASCII identifiers before the finding', () => {
    const sql = 'CREATE TABLE "grüße" (id bigint);\nALTER TABLE "Über" RENAME COLUMN "naïve" TO "naive";';
    const r = lintSql(sql);
    const f = expectFindings(r, 'rename-column', 1)[0]!;
    expect(r.at(f)).toEqual({ line: 2, column: 1 });
    expect(f.message).toContain('"Über"');
  });

  it('maps positions with CRLF line endings', () => {
    expect(posOf('SELECT 1;\r\nSELECT 2;', 11)).toEqual({ line: 2, column: 1 });
  });
});

describe('SQL front end: syntax errors', () => {
  it('reports each bad statement at its line and column and still lints the good ones', () => {
    const sql = ['ALTER TABLE a DROP COLUMN x;', 'ALTER TABLE b DORP COLUMN y;', 'CREATE INDEX i ON c (z);', 'SELEC 1;', 'ALTER TABLE d RENAME TO e;'].join('\n');
    const r = lintSql(sql);
    const errs = expectFindings(r, 'syntax-error', 2);
    expect(errs.map((f) => r.at(f))).toEqual([
      { line: 2, column: 15 },
      { line: 4, column: 1 },
    ]);
    expect(errs[0]!.message).toMatch(/syntax error at or near "DORP"/);
    expectFindings(r, 'drop-column', 1);
    expectFindings(r, 'require-concurrent-index', 1);
    expectFindings(r, 'rename-table', 1);
  });

  it('splits correctly around quotes, dollar quotes, comments and parentheses', () => {
    const sql = `INSERT INTO t VALUES ('a;b', E'c\\';d', $x$ e; f $x$); -- ; comment
/* ; /* nested ; */ */ CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;
SELECT (1; 2);
ALTER TABLE t DROP COLUMN c;`;
    const stmts = lex(sql).statements.map((s) => sql.slice(s.start, s.end));
    expect(stmts).toHaveLength(4);
    expect(stmts[0]).toMatch(/^INSERT .*\$x\$\);$/);
    expect(stmts[1]).toMatch(/^CREATE FUNCTION/);
    const r = lintSql(sql);
    expectFindings(r, 'syntax-error', 1);
    expectFindings(r, 'drop-column', 1);
  });

  it('skips psql meta-commands instead of failing the file', () => {
    const r = lintSql('\\set ON_ERROR_STOP on\nALTER TABLE t DROP COLUMN c;\n');
    expectClean(r, 'syntax-error');
    expectFindings(r, 'drop-column', 1);
  });
});

describe('SQL front end: DO blocks and PL/pgSQL bodies', () => {
  it('lints statements inside DO blocks at their own line', () => {
    const sql = `SET lock_timeout = '2s';
DO $$
BEGIN
  IF true THEN
    ALTER TABLE users DROP COLUMN legacy;
  END IF;
  UPDATE users SET flag = true;
END
$$;`;
    const r = lintSql(sql);
    const f = expectFindings(r, 'drop-column', 1)[0]!;
    expect(r.at(f)).toEqual({ line: 5, column: 5 });
    const u = expectFindings(r, 'unbatched-backfill', 1)[0]!;
    expect(r.at(u).line).toBe(7);
  });

  it('reports syntax errors inside DO blocks', () => {
    const r = lintSql("SELECT 1;\nDO $$ BEGIN ALTER TABLE t DORP COLUMN x; END $$;");
    expect(r.at(expectFindings(r, "syntax-error", 1)[0]!)).toEqual({ line: 2, column: 27 });
    expectFindings(r, 'syntax-error');
  });

  it('lints DDL in function bodies but not their runtime row changes', () => {
    const sql = `CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sessions;
  CREATE INDEX i ON sessions (user_id);
END $$;`;
    const r = lintSql(sql);
    expectClean(r, 'unbatched-backfill');
    expectFindings(r, 'require-concurrent-index', 1);
  });

  it("a function body's queries and row changes keep their place: an ignore above one does not reach the DDL after it", () => {
    const sql = `CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
  -- migsafe-ignore require-concurrent-index -- meant for the index below, but placed above the SELECT
  SELECT count(*) INTO n FROM sessions;
  CREATE INDEX i ON sessions (user_id);
  UPDATE sessions SET x = 1;
  RETURN n;
END $$;`;
    const r = lintSql(sql);
    expectFindings(r, 'require-concurrent-index', 1);
    expectFindings(r, 'unused-ignore', 1);
    // the PL/pgSQL parse checks the syntax of the SQL in the body, row changes included
    const [e] = expectFindings(lintSql(sql.replace('SET x', 'SETT x')), 'syntax-error', 1);
    expect(e!.message).toContain('in function body');
  });
});

describe('SQL front end: transactions and timeouts', () => {
  it('tracks explicit BEGIN/COMMIT for CONCURRENTLY', () => {
    expectFindings(lintSql('BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;'), 'concurrent-in-transaction', 1);
    expectClean(lintSql('BEGIN;\nCREATE TABLE x (id int);\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON t (a);'), 'concurrent-in-transaction');
    expectFindings(lintSql('CREATE INDEX CONCURRENTLY i ON t (a);', { assumeInTransaction: true }), 'concurrent-in-transaction', 1);
  });

  it('tracks lock_timeout across the file: SET, SET LOCAL, set_config, reset', () => {
    expectClean(lintSql("SET lock_timeout = '3s';\nALTER TABLE t DROP COLUMN c;"), 'require-lock-timeout');
    expectClean(lintSql("BEGIN;\nSET LOCAL lock_timeout = '3s';\nALTER TABLE t DROP COLUMN c;\nCOMMIT;"), 'require-lock-timeout');
    expectClean(lintSql("SELECT set_config('lock_timeout', '3s', false);\nALTER TABLE t DROP COLUMN c;"), 'require-lock-timeout');
    expectFindings(lintSql("SET lock_timeout = '3s';\nRESET lock_timeout;\nALTER TABLE t DROP COLUMN c;"), 'require-lock-timeout', 1);
    expectFindings(lintSql("SET lock_timeout = 0;\nALTER TABLE t DROP COLUMN c;"), 'require-lock-timeout', 1);
    // SET LOCAL ends with the transaction
    expectFindings(lintSql("BEGIN;\nSET LOCAL lock_timeout = '3s';\nCOMMIT;\nALTER TABLE t DROP COLUMN c;"), 'require-lock-timeout', 1);
  });

  it('reports require-lock-timeout once per file', () => {
    expectFindings(lintSql('ALTER TABLE a DROP COLUMN x;\nALTER TABLE b DROP COLUMN y;'), 'require-lock-timeout', 1);
  });
});

describe('context: objects created in the same migration', () => {
  it('exempts tables created earlier in the file, but not before creation', () => {
    const r = lintSql('CREATE TABLE t (id bigint);\nCREATE INDEX i ON t (id);\nALTER TABLE t ADD CONSTRAINT c CHECK (id > 0);\nALTER TABLE t ALTER COLUMN id TYPE text;');
    expectClean(r);
    expectFindings(lintSql('CREATE INDEX i ON t (id);\nCREATE TABLE t (id bigint);'), 'require-concurrent-index', 1);
  });

  it('matches public-qualified and unqualified names', () => {
    expectClean(lintSql('CREATE TABLE public.t (id bigint);\nCREATE INDEX i ON t (id);'), 'require-concurrent-index');
    expectClean(lintSql('CREATE TABLE t (id bigint);\nCREATE INDEX i ON public.t (id);'), 'require-concurrent-index');
    expectFindings(lintSql('CREATE TABLE a.t (id bigint);\nCREATE INDEX i ON b.t (id);'), 'require-concurrent-index', 1);
  });

  it('pg-version changes what is safe', () => {
    expectClean(lintSql("ALTER TABLE t ADD COLUMN c int DEFAULT 0;"), 'add-column-volatile-default');
    expectFindings(lintSql("ALTER TABLE t ADD COLUMN c int DEFAULT 0;", { pgVersion: 10 }), 'add-column-volatile-default', 1);
  });
});

describe('SQL front end: details found by the rule docs work', () => {
  it('VACUUM (FULL false|off|0) is not a full vacuum', () => {
    for (const v of ['false', 'off', '0']) expectClean(lintSql(`VACUUM (FULL ${v}) orders;`), 'vacuum-full');
    expectFindings(lintSql('VACUUM (FULL) orders;'), 'vacuum-full', 1);
    expectFindings(lintSql('VACUUM (FULL true) orders;'), 'vacuum-full', 1);
  });
  it('table-level PRIMARY KEY marks the column', () => {
    expectFindings(lintSql('CREATE TABLE t (id integer, CONSTRAINT pk PRIMARY KEY (id));'), 'prefer-bigint', 1);
    expectClean(lintSql('CREATE TABLE t (id bigint, PRIMARY KEY (id));'), 'prefer-bigint');
  });
  it('domains, enum types and schema-qualified indexes created in the file are exempt', () => {
    expectClean(lintSql("CREATE DOMAIN email AS text;\nALTER DOMAIN email ADD CONSTRAINT c CHECK (VALUE ~ '@');"), 'alter-domain-add-constraint');
    expectClean(lintSql("CREATE TYPE mood AS ENUM ('a');\nALTER TYPE mood ADD VALUE 'b';", { pgVersion: 10, assumeInTransaction: true }), 'enum-value-in-transaction');
    expectClean(lintSql('CREATE TABLE app.t (a int);\nCREATE INDEX idx ON app.t (a);\nREINDEX INDEX app.idx;'), 'reindex-non-concurrent');
  });
});

describe('SQL front end: more statement shapes', () => {
  it('sees data-modifying CTEs', () => {
    expectFindings(lintSql('WITH d AS (DELETE FROM sessions RETURNING *) INSERT INTO archive SELECT * FROM d;'), 'unbatched-backfill', 1);
  });
  it('VIRTUAL generated columns do not rewrite the table; STORED ones do', () => {
    expectClean(lintSql("ALTER TABLE users ADD COLUMN full_name text GENERATED ALWAYS AS (first || ' ' || last) VIRTUAL;"), 'add-column-volatile-default');
    expectFindings(lintSql("ALTER TABLE users ADD COLUMN full_name text GENERATED ALWAYS AS (first || ' ' || last) STORED;"), 'add-column-volatile-default', 1);
  });
  it('ALTER TABLE … SET SCHEMA needs a lock_timeout', () => {
    expectFindings(lintSql('ALTER TABLE t SET SCHEMA archive;'), 'require-lock-timeout', 1);
  });
});
