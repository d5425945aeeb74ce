-- test-options: assumeInTransaction=true
ALTER TABLE orders ADD COLUMN note text;
SAVEPOINT before_default;
ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';
RELEASE SAVEPOINT before_default;
