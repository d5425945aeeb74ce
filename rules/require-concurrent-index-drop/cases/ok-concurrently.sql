SET lock_timeout = '5s';
DROP INDEX CONCURRENTLY IF EXISTS public.users_email_idx;
DROP INDEX CONCURRENTLY orders_status_idx;
