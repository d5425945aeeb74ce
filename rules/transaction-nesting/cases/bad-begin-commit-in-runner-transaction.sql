-- test-options: assumeInTransaction=true
BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text;
COMMIT;
ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';
