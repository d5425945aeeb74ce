\set ON_ERROR_STOP on
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
