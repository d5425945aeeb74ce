SET lock_timeout = '5s';
-- migsafe-ignore drop-column, require-lock-timeout -- legacy_flag unused since release 42
ALTER TABLE users DROP COLUMN legacy_flag;
