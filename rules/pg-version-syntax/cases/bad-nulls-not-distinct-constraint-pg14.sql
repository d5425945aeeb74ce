-- test-options: pgVersion=14
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE NULLS NOT DISTINCT (email);
