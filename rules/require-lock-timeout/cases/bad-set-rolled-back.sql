-- A plain SET inside a transaction is undone by ROLLBACK, like everything else in it.
BEGIN;
SET lock_timeout = '5s';
ROLLBACK;
ALTER TABLE orders DROP COLUMN legacy_flag;
