SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN public_id uuid;
-- Applies to new rows only; existing rows are backfilled in batches later.
ALTER TABLE users ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
