SET lock_timeout = '5s';
-- PostgreSQL 18 syntax: a named NOT NULL constraint, validated by a full scan.
ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email;
