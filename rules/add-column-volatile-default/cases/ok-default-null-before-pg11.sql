-- test-options: pgVersion=10
SET lock_timeout = '5s';
-- A NULL default is no default at all: no rewrite, even before PostgreSQL 11.
ALTER TABLE users ADD COLUMN nickname text DEFAULT NULL;
ALTER TABLE users ADD COLUMN bio text;
