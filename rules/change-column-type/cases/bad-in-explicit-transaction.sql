BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE ONLY accounts ALTER COLUMN balance TYPE numeric(20,4);
COMMIT;
