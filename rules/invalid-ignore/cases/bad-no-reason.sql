SET lock_timeout = '5s';
-- migsafe-ignore drop-column
ALTER TABLE users DROP COLUMN legacy_flag;
