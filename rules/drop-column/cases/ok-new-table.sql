CREATE TABLE audit_log (id bigint PRIMARY KEY, payload jsonb, tmp text);
ALTER TABLE audit_log DROP COLUMN tmp;
