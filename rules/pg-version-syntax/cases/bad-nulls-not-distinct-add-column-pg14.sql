-- test-options: pgVersion=14
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN external_id text UNIQUE NULLS NOT DISTINCT;
