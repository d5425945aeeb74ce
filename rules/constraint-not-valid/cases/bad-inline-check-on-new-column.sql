SET lock_timeout = '5s';
ALTER TABLE products ADD COLUMN stock integer CHECK (stock >= 0);
