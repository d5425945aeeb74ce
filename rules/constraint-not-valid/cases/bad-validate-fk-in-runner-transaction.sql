-- test-options: assumeInTransaction=true
-- The runner wraps the whole file in one transaction: the foreign key's SHARE ROW EXCLUSIVE locks
-- (on orders and users) are held until the end, through the validation scan.
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;
