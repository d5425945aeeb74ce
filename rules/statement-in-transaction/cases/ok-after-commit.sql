BEGIN;
UPDATE orders SET archived = true WHERE created_at < '2020-01-01';
COMMIT;
VACUUM ANALYZE orders;
REINDEX TABLE orders;
