CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL CONSTRAINT users_username_length CHECK (char_length(username) <= 30)
);
SET lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN display_name text;
ALTER TABLE accounts ADD CONSTRAINT accounts_display_name_length CHECK (char_length(display_name) <= 80) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_display_name_length;
