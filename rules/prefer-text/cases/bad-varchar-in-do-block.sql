DO $$
BEGIN
  ALTER TABLE accounts ADD COLUMN IF NOT EXISTS vat_number varchar(20);
END $$;
