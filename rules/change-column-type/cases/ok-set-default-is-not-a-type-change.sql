SET lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending';
