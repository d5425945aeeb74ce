SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
RESET lock_timeout;
ALTER TABLE orders DROP COLUMN legacy_flag;
