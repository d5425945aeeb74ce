DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'legacy_flag') THEN
    ALTER TABLE users DROP COLUMN legacy_flag;
  END IF;
END $$;
