SET lock_timeout = '5s';
-- PRIMARY KEY implies NOT NULL.
ALTER TABLE legacy_imports ADD COLUMN id bigint PRIMARY KEY;
