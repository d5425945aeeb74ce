START TRANSACTION;
SELECT pg_catalog.set_config('lock_timeout', '3s', true);
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
