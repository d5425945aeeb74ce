SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
RESET ALL;
-- RESET ALL put lock_timeout back to its default (no timeout)
ALTER TABLE orders DROP COLUMN legacy_flag;
