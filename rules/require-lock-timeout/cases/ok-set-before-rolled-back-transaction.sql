-- The SET ran before the transaction: its ROLLBACK does not undo it.
SET lock_timeout = '5s';
BEGIN;
UPDATE users SET nickname = NULL WHERE id = 1;
ROLLBACK;
ALTER TABLE orders DROP COLUMN legacy_flag;
