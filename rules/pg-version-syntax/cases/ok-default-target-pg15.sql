-- the default target, PostgreSQL 15, has all of these
MERGE INTO stock s
USING deliveries d ON s.item_id = d.item_id
WHEN MATCHED THEN UPDATE SET qty = s.qty + d.qty;
CREATE UNIQUE INDEX CONCURRENTLY uq_users_email ON users (email) NULLS NOT DISTINCT;
REINDEX INDEX CONCURRENTLY orders_created_at_idx;
SET lock_timeout = '5s';
ALTER TABLE measurements DETACH PARTITION measurements_2019 CONCURRENTLY;
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;
