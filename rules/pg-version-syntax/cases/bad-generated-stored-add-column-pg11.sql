-- test-options: pgVersion=11
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;
