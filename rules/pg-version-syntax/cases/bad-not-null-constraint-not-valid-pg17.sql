-- test-options: pgVersion=17
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email NOT VALID;
