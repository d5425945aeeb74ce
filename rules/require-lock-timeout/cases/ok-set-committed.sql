-- A plain SET (not LOCAL) inside a committed transaction lasts for the rest of the session.
BEGIN;
SET lock_timeout = '5s';
COMMIT;
ALTER TABLE orders DROP COLUMN legacy_flag;
