ALTER TABLE accounts
  ADD COLUMN display_name text,
  ADD COLUMN status_code character(1) NOT NULL DEFAULT 'A';
