DO $$
BEGIN
  IF (SELECT data_type FROM information_schema.columns
      WHERE table_name = 'payments' AND column_name = 'amount') = 'integer' THEN
    ALTER TABLE payments ALTER COLUMN amount TYPE numeric(12,2);
  END IF;
END $$;
