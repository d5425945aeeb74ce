-- test-options: pgVersion=11
-- Before PostgreSQL 12, SET NOT NULL scans the table even when a validated CHECK proves there are no NULLs.
BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
COMMIT;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
