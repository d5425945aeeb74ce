-- test-options: pgVersion=11
BEGIN;
ALTER TABLE orders ADD COLUMN refunded_at timestamptz;
ALTER TYPE order_status ADD VALUE 'refunded';
COMMIT;
