-- migsafe-ignore drop-column -- legacy_flag unused since release 42
SET lock_timeout = '5s';
ALTER TABLE users DROP COLUMN legacy_flag;
