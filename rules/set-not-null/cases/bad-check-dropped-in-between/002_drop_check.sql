-- The CHECK is gone before SET NOT NULL: nothing proves the column, so it scans.
SET lock_timeout = '5s';
ALTER TABLE users DROP CONSTRAINT users_email_not_null;
