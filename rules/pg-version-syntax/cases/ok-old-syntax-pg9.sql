-- test-options: pgVersion=9
-- CONCURRENTLY index builds and drops, plain REINDEX / DETACH, serial and inline NOT NULL are old
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);
DROP INDEX CONCURRENTLY orders_old_idx;
CREATE UNIQUE INDEX CONCURRENTLY uq_users_email ON users (email);
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN score int CONSTRAINT users_score_not_null NOT NULL DEFAULT 0;
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
CREATE TABLE events (id bigserial PRIMARY KEY, payload jsonb NOT NULL);
INSERT INTO stock (item_id, qty) SELECT item_id, qty FROM deliveries
ON CONFLICT (item_id) DO UPDATE SET qty = stock.qty + EXCLUDED.qty;
