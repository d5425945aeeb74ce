-- replacing an index: the new one is built before the old one goes; no code depends on either
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY orders_customer_created_idx ON orders (customer_id, created_at);
DROP INDEX CONCURRENTLY orders_customer_idx;
