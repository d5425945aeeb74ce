-- The safe path in one file, each step in its own transaction: on PostgreSQL 12+ the validated
-- CHECK lets SET NOT NULL skip the scan.
BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
COMMIT;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;
COMMIT;
