/** Property tests: no input crashes the SQL front end or the engine. */
import { beforeAll, describe, it } from 'vitest';
import fc from 'fast-check';
import { caseSeeds, mutatedSeeds } from './fuzz-helpers.js';
import { lintSql, ready } from './helpers.js';
import { lex } from '../src/sources/sql/lexer.js';
import { firstInvalidUtf8 } from '../src/sources/files.js';

beforeAll(async () => {
  await ready;
});

// Seeds: every SQL case in the rule folders plus some tricky fragments.
const seeds = caseSeeds('.sql');
seeds.push(
  "DO $$ BEGIN ALTER TABLE t DROP COLUMN c; END $$;",
  "SELECT 'unterminated",
  'SELECT $a$ unterminated dollar',
  '/* unterminated /* nested */',
  "-- migsafe-ignore drop-column -- x\nALTER TABLE t DROP COLUMN c;",
  'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;',
  'BEGIN ATOMIC SELECT 1; END;',
  "ALTER TABLE é ADD COLUMN \"ü\" int DEFAULT random();",
);

const TOKENS = [';', "'", '"', '$$', '$x$', '--', '/*', '*/', '(', ')', '\n', ' ', 'BEGIN', 'COMMIT', 'DO', 'ALTER TABLE t', 'DROP COLUMN',
  'CREATE INDEX', 'CONCURRENTLY', 'NOT VALID', '\\set x', 'E\'\\\'', 'migsafe-ignore', '🎉', 'é', '\u0000', '\r\n'];

const mutated = mutatedSeeds(seeds, TOKENS, 8, 6);

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((a) => a.join(''));

describe('SQL front end never throws', () => {
  it('on mutated real migrations', () => {
    fc.assert(fc.property(mutated, (sql) => void lintSql(sql)), { numRuns: 400 });
  });
  it('on token soup', () => {
    fc.assert(fc.property(tokenSoup, (sql) => void lintSql(sql)), { numRuns: 400 });
  });
  it('on arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (sql) => void lintSql(sql)), { numRuns: 300 });
  });
  it('on any pg-version and the transaction assumption', () => {
    fc.assert(
      fc.property(mutated, fc.integer({ min: 9, max: 30 }), fc.boolean(), (sql, pgVersion, tx) => void lintSql(sql, { pgVersion, assumeInTransaction: tx })),
      { numRuns: 200 },
    );
  });
  it('lexer statements are ordered, in bounds and non-overlapping', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, tokenSoup), (sql) => {
        let prev = 0;
        for (const s of lex(sql).statements) {
          if (s.start < prev || s.end < s.start || s.end > sql.length) throw new Error(`bad span ${JSON.stringify(s)}`);
          prev = s.end;
        }
      }),
      { numRuns: 300 },
    );
  });
  it('UTF-8 validation agrees with the platform decoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const buf = Buffer.from(bytes);
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(buf);
        } catch {
          valid = false;
        }
        if ((firstInvalidUtf8(buf) < 0) !== valid) throw new Error(`disagree on ${buf.toString('hex')}`);
      }),
      { numRuns: 2000 },
    );
  });
});
