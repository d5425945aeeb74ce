SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN tenant_id bigint;
ALTER TABLE users ADD CONSTRAINT users_tenant_id_not_null CHECK (tenant_id IS NOT NULL) NOT VALID;
