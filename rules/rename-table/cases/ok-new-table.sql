CREATE TABLE public.orders_staging (LIKE orders INCLUDING ALL);
INSERT INTO orders_staging SELECT * FROM orders WHERE created_at > now() - interval '1 day';
ALTER TABLE orders_staging RENAME TO orders_recent;
ALTER TABLE orders_recent RENAME TO orders_last_day;
