-- The CHECK was never validated, so PostgreSQL cannot use it: SET NOT NULL scans.
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
