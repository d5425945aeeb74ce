BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD COLUMN email_verified boolean;
COMMIT;
CREATE INDEX CONCURRENTLY users_email_verified_idx ON users (email_verified);
