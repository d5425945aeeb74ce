SET lock_timeout = '5s';
-- A new column without a DEFAULT is NULL in every row: PostgreSQL skips the validation scan.
ALTER TABLE projects ADD COLUMN org_id bigint REFERENCES orgs (id);
