SET lock_timeout = '5s';
CREATE INDEX ON orders (customer_id) WHERE deleted_at IS NULL;
