SET lock_timeout = '5s';
DROP TABLE IF EXISTS public.legacy_events, audit.old_log CASCADE;
