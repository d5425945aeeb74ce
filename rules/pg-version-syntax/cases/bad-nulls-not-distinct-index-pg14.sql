-- test-options: pgVersion=14
CREATE UNIQUE INDEX CONCURRENTLY uq_users_email ON users (email) NULLS NOT DISTINCT;
