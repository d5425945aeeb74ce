-- A CHECK added without NOT VALID is validated at once (constraint-not-valid reports that scan);
-- SET NOT NULL then skips its own scan on PostgreSQL 12+.
SET lock_timeout = '5s';
ALTER TABLE public.users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL AND email <> '');
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
