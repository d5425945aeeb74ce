-- test-options: pgVersion=17
-- a named NOT NULL table constraint is PostgreSQL 18 syntax, with or without NOT VALID
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email;
