-- No COMMIT: psql rolls it all back at the end of the session; a tool that keeps the connection
-- open keeps the transaction, and the ACCESS EXCLUSIVE lock on orders, open.
BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text;
