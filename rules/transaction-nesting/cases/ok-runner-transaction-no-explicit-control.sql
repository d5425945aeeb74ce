-- test-options: assumeInTransaction=true
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';
