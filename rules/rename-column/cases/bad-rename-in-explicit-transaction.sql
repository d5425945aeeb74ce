BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
ALTER TABLE orders RENAME COLUMN created TO created_at;
COMMIT;
