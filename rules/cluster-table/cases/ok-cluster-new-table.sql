CREATE TABLE orders_archive (LIKE orders INCLUDING ALL);
INSERT INTO orders_archive SELECT * FROM orders WHERE created_at < '2020-01-01';
CREATE INDEX orders_archive_created_at_idx ON orders_archive (created_at);
CLUSTER orders_archive USING orders_archive_created_at_idx;
