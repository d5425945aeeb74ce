SET lock_timeout = '5s';
DISCARD ALL;
ALTER TABLE orders DROP COLUMN legacy_flag;
