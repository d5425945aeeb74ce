DO $$
BEGIN
  IF to_regclass('public.user_sessions_old') IS NOT NULL THEN
    DROP TABLE public.user_sessions_old;
  END IF;
END $$;
