-- Going from timestamptz back to timestamp throws the zone away.
SET lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN created_at SET DATA TYPE timestamp USING created_at AT TIME ZONE 'UTC';
