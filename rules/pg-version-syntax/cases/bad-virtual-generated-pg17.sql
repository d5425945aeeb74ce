-- test-options: pgVersion=17
-- without STORED, PostgreSQL 18 makes a virtual generated column; 12-17 require STORED
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100);
