-- Release 3: PostgreSQL 12+ sees the validated CHECK and skips the scan; then the CHECK can go.
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;
