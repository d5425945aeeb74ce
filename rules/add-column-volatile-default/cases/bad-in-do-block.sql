DO $$
BEGIN
  ALTER TABLE sessions ADD COLUMN token uuid DEFAULT gen_random_uuid();
EXCEPTION WHEN duplicate_column THEN
  NULL;
END $$;
