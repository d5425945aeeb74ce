-- The online form of SET NOT NULL on a domain: a NOT VALID check, validated later.
ALTER DOMAIN email_address ADD CONSTRAINT email_address_not_null CHECK (VALUE IS NOT NULL) NOT VALID;
ALTER DOMAIN email_address DROP NOT NULL;
