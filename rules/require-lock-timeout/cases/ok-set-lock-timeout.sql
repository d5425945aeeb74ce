SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users DROP COLUMN legacy_flag;
