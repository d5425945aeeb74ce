-- The CHECK is still NOT VALID: it proves nothing about the existing rows, so SET NOT NULL scans them.
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
