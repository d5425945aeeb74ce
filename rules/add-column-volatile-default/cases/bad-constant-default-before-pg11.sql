-- test-options: pgVersion=10
SET lock_timeout = '5s';
-- Before PostgreSQL 11 even a constant default rewrites every row.
ALTER TABLE users ADD COLUMN is_admin boolean NOT NULL DEFAULT false;
