SET lock_timeout = '5s';
-- With a DEFAULT every existing row gets a value, so PostgreSQL validates the key in the same statement.
ALTER TABLE projects ADD COLUMN org_id bigint DEFAULT 1 REFERENCES orgs (id);
