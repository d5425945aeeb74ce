SET lock_timeout = '5s';
ALTER DOMAIN email_address ADD CONSTRAINT email_address_has_at CHECK (VALUE LIKE '%@%') NOT VALID;
ALTER DOMAIN billing.money_amount ADD CHECK (VALUE >= 0) NOT VALID;
