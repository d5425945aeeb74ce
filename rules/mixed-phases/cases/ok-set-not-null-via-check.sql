-- the set-not-null safe path: the CHECK only lets SET NOT NULL skip its scan (PostgreSQL 12+)
SET lock_timeout = '5s';
BEGIN;
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
COMMIT;
BEGIN;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;
COMMIT;
