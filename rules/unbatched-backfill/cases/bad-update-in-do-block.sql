DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'locale') THEN
    UPDATE users SET locale = 'en';
  END IF;
END $$;
