/**
 * .sql files with both directions (goose, sql-migrate, dbmate): the up section is linted as the
 * upgrade and the down section as the downgrade, each in the tool's transaction unless the file
 * turns it off, at the file's own lines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlSections } from '../src/sources/sql/sections.js';
import { expectClean, expectFindings, lintSql, ready } from './helpers.js';

beforeAll(async () => {
  await ready;
});

describe('sqlSections', () => {
  it('finds the sections and the transaction setting of each tool', () => {
    expect(sqlSections('CREATE TABLE t (a int);')).toBeNull();
    expect(sqlSections('-- a comment about goose\nSELECT 1;')).toBeNull();
    const goose = sqlSections('-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n')!;
    expect([goose.tool, goose.transactional]).toEqual(['goose', true]);
    expect(goose.up).toBe('-- +goose Up\nSELECT 1;\n              \n         \n');
    expect(goose.down).toBe('            \n         \n-- +goose Down\nSELECT 2;\n');
    expect(sqlSections('-- +goose NO TRANSACTION\n-- +goose Up\nSELECT 1;')!.transactional).toBe(false);
    expect(sqlSections('-- +migrate Up notransaction\nSELECT 1;\n-- +migrate Down\nSELECT 2;')).toMatchObject({ tool: 'sql-migrate', transactional: false });
    expect(sqlSections('-- migrate:up transaction:false\nSELECT 1;\n-- migrate:down\n')).toMatchObject({ tool: 'dbmate', transactional: false });
  });
  it('blanks every character of the other section with as many spaces as its UTF-8 bytes', () => {
    const s = sqlSections("-- +goose Up\nSELECT 'é€😀';\n-- +goose Down\nSELECT 1;")!;
    expect(Buffer.byteLength(s.down)).toBe(Buffer.byteLength("-- +goose Up\nSELECT 'é€😀';\n-- +goose Down\nSELECT 1;"));
  });
});

describe('linting a file with both directions', () => {
  const goose = ["-- +goose Up", "SET lock_timeout = '5s';", "ALTER TABLE users ADD COLUMN note text;", "", "-- +goose Down", "SET lock_timeout = '5s';", "ALTER TABLE users DROP COLUMN note;"].join('\n');

  it('the down section is the downgrade: its DROP COLUMN is downgrade-data-loss, at its own line', () => {
    const r = lintSql(goose);
    expectClean(r, 'drop-column');
    const [loss] = expectFindings(r, 'downgrade-data-loss', 1);
    expect(loss!.direction).toBe('downgrade');
    expect(r.at(loss!).line).toBe(7);
  });

  it('the tool runs each section in a transaction', () => {
    expectFindings(lintSql('-- +goose Up\nCREATE INDEX CONCURRENTLY i ON t (a);\n-- +goose Down\nDROP INDEX i;'), 'concurrent-in-transaction', 1);
    expectClean(lintSql('-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);\n-- migrate:down\nDROP INDEX CONCURRENTLY i;'), 'concurrent-in-transaction');
  });

  it('an ignore-file comment above the first marker covers both sections, and is unused only when neither needs it', () => {
    const r = lintSql(`-- migsafe-ignore-file downgrade-data-loss -- the note column is scratch data\n${goose}`);
    expectClean(r, 'downgrade-data-loss');
    expectClean(r, 'unused-ignore');
    expectFindings(lintSql(`-- migsafe-ignore-file drop-table -- nothing to drop\n${goose}`), 'unused-ignore', 1);
  });
});
