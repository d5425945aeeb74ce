DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns
             WHERE table_name = 'users' AND column_name = 'fname') THEN
    ALTER TABLE users RENAME COLUMN fname TO first_name;
  END IF;
END $$;
