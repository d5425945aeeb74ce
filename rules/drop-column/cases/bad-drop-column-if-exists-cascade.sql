SET lock_timeout = '5s';
ALTER TABLE IF EXISTS ONLY public.users DROP COLUMN IF EXISTS legacy_flag CASCADE;
