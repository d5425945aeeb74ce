DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                 WHERE table_name = 'orders' AND column_name = 'region') THEN
    ALTER TABLE orders ADD COLUMN region text NOT NULL;
  END IF;
END $$;
