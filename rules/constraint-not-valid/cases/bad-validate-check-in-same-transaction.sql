-- All in one transaction: ADD CONSTRAINT's ACCESS EXCLUSIVE lock is still held while VALIDATE scans,
-- so this is no better than adding the CHECK without NOT VALID (or a plain SET NOT NULL).
BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
COMMIT;
