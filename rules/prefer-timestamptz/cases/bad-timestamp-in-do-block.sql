DO $$
BEGIN
  ALTER TABLE orders ADD COLUMN IF NOT EXISTS archived_at timestamp;
END $$;
