ALTER TABLE accounts
  ADD COLUMN display_name text,
  ADD COLUMN country_code varchar(2);
