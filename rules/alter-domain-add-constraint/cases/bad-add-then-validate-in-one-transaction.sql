BEGIN;
ALTER DOMAIN email_address ADD CONSTRAINT email_address_has_at CHECK (VALUE LIKE '%@%');
ALTER DOMAIN email_address VALIDATE CONSTRAINT email_address_has_at;
COMMIT;
