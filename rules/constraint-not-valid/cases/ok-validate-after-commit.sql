-- The ADD commits (releasing its lock) before the validation starts; only the validation's
-- SHARE UPDATE EXCLUSIVE lock is held during the scan.
BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
COMMIT;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
