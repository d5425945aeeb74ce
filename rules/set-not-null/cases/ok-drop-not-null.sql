SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN middle_name DROP NOT NULL;
