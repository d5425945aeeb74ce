-- COMMIT AND CHAIN commits and immediately starts a new transaction: the index build is still inside one.
BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
COMMIT AND CHAIN;
CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname);
COMMIT;
