SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN is_admin boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN status text DEFAULT 'pending';
