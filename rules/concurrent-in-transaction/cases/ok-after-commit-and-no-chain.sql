BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
COMMIT AND NO CHAIN;
CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname);
