DO $$
BEGIN
  ALTER TABLE accounts ADD COLUMN IF NOT EXISTS region char(3);
END $$;
