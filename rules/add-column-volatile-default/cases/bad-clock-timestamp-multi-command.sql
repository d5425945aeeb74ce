SET lock_timeout = '5s';
ALTER TABLE IF EXISTS public.events
  ADD COLUMN IF NOT EXISTS note text,
  ADD COLUMN IF NOT EXISTS ingested_at timestamptz DEFAULT clock_timestamp();
