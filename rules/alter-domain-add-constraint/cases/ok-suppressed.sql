-- migsafe-ignore alter-domain-add-constraint -- domain only used by country (250 rows)
ALTER DOMAIN iso_country_code ADD CONSTRAINT iso_country_code_upper CHECK (VALUE = upper(VALUE));
