BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text;
-- AND CHAIN opens a new transaction that nothing commits
COMMIT AND CHAIN;
