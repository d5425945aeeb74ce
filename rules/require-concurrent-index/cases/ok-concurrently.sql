-- No short lock_timeout here: CONCURRENTLY does not block reads or writes while it waits, and a
-- timeout during its waits would leave an INVALID index behind.
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON public.users (email);
CREATE UNIQUE INDEX CONCURRENTLY users_lower_email_key ON users (lower(email));
