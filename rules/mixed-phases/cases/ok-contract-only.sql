SET lock_timeout = '5s';
ALTER TABLE users DROP COLUMN email;
DROP INDEX CONCURRENTLY users_email_idx;
