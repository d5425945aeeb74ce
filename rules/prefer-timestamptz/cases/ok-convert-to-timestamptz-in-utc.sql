SET lock_timeout = '5s';
SET TimeZone = 'UTC';
ALTER TABLE orders ALTER COLUMN created_at TYPE timestamptz;
