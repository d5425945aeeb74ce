ALTER TABLE users ADD COLUMN email_address text;
CREATE INDEX CONCURRENTLY users_email_address_idx ON users (email_address);
