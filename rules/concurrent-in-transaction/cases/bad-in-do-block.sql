-- A DO block always runs inside a transaction.
DO $$
BEGIN
  IF to_regclass('public.users_email_idx') IS NULL THEN
    CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
  END IF;
END $$;
