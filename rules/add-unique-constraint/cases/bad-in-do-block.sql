DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'accounts_handle_key') THEN
    ALTER TABLE accounts ADD CONSTRAINT accounts_handle_key UNIQUE (handle);
  END IF;
END $$;
