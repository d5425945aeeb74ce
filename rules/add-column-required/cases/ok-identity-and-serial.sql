SET lock_timeout = '5s';
-- NOT NULL, but filled from a sequence (another rule warns about the rewrite).
ALTER TABLE events ADD COLUMN seq bigserial;
ALTER TABLE audit_log ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
