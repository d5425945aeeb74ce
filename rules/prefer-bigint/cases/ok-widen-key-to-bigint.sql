SET lock_timeout = '5s';
ALTER TABLE small_lookup ALTER COLUMN id TYPE bigint;
