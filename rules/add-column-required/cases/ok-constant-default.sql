SET lock_timeout = '5s';
-- PostgreSQL 11+ stores a constant default in the catalog: no rewrite, and old INSERTs get the default.
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
