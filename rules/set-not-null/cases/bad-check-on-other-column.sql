-- The validated CHECK is about another column (or was dropped): SET NOT NULL still scans.
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email IS NOT NULL OR name IS NULL) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_phone_not_null CHECK (phone IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_name_not_null;
ALTER TABLE users VALIDATE CONSTRAINT users_email_check;
ALTER TABLE users VALIDATE CONSTRAINT users_phone_not_null;
ALTER TABLE users DROP CONSTRAINT users_phone_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users ALTER COLUMN phone SET NOT NULL;
