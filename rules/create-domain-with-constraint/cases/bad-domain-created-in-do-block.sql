DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'email_address') THEN
    CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
  END IF;
END $$;
