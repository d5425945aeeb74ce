CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL CONSTRAINT users_email_has_at CHECK (email LIKE '%@%')
);
SET lock_timeout = '5s';
ALTER TABLE contacts ADD CONSTRAINT contacts_email_has_at CHECK (email LIKE '%@%') NOT VALID;
ALTER TABLE contacts VALIDATE CONSTRAINT contacts_email_has_at;
