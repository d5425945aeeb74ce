-- 0 disables the timeout.
SET lock_timeout = 0;
ALTER TABLE users ALTER COLUMN email SET DEFAULT '';
