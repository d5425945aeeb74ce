BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text;
COMMIT AND CHAIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';
COMMIT;
