ALTER TABLE accounts ADD COLUMN region text, ADD COLUMN notes varchar;
ALTER TABLE addresses ALTER COLUMN country_code TYPE text;
