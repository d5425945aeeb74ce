SET lock_timeout = '5s';
-- migsafe-ignore set-not-null -- users_email_not_null validated in 0042; PostgreSQL 12+ skips the scan
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;
