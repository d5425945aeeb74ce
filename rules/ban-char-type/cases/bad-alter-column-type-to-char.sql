ALTER TABLE addresses ALTER COLUMN country_code TYPE char(2) USING upper(country_code);
