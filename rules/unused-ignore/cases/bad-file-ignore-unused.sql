-- migsafe-ignore-file truncate-table -- cache tables are rebuilt on demand
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
