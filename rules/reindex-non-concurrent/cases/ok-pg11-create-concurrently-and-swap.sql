-- test-options: pgVersion=11
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY orders_customer_id_idx_new ON orders (customer_id);
DROP INDEX CONCURRENTLY orders_customer_id_idx;
ALTER INDEX orders_customer_id_idx_new RENAME TO orders_customer_id_idx;
