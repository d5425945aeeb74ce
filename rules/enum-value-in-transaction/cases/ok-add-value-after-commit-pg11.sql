-- test-options: pgVersion=11
BEGIN;
ALTER TABLE orders ADD COLUMN refunded_at timestamptz;
COMMIT;
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';
