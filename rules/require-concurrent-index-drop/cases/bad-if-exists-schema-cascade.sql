SET lock_timeout = '5s';
DROP INDEX IF EXISTS public.users_email_idx CASCADE;
