ALTER DOMAIN email_address VALIDATE CONSTRAINT email_address_has_at;
ALTER DOMAIN email_address DROP CONSTRAINT IF EXISTS email_address_old_check;
