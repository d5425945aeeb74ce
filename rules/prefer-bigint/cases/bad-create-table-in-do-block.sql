DO $$
BEGIN
  IF to_regclass('public.sessions') IS NULL THEN
    CREATE TABLE sessions (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, token text NOT NULL);
  END IF;
END $$;
