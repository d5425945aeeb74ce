ALTER TABLE users ADD COLUMN email_address text;
UPDATE users SET email_address = email WHERE id < 10000;
