-- SET LOCAL outside a transaction block has no effect (PostgreSQL only warns).
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
