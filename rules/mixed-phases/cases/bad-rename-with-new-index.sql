CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
ALTER TABLE orders RENAME COLUMN total TO total_cents;
