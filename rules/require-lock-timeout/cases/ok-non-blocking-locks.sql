-- CONCURRENTLY and VALIDATE take SHARE UPDATE EXCLUSIVE, which does not block reads or writes.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;
