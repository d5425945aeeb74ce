SET lock_timeout = '5s';
ALTER TABLE IF EXISTS public.users
  ADD COLUMN IF NOT EXISTS nickname text,
  ADD COLUMN IF NOT EXISTS tenant_id bigint NOT NULL REFERENCES tenants (id);
