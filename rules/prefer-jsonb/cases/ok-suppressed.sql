-- migsafe-ignore prefer-jsonb -- raw webhook body, kept byte-for-byte for signature verification
ALTER TABLE webhook_deliveries ADD COLUMN raw_body json;
