SET lock_timeout = '5s';
-- now() is STABLE: PostgreSQL 11+ evaluates it once and stores the value in the catalog.
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
