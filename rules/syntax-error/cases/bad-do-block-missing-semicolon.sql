DO $$
BEGIN
  ALTER TABLE users ADD COLUMN nickname text
  UPDATE users SET nickname = name WHERE id < 1000;
END $$;
