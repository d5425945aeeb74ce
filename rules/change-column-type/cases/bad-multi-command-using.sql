SET lock_timeout = '5s';
ALTER TABLE IF EXISTS public.events
  ALTER COLUMN payload SET DATA TYPE jsonb USING payload::jsonb,
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';
