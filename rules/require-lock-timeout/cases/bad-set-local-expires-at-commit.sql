BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
-- The SET LOCAL ended with the transaction above.
ALTER TABLE orders ADD COLUMN note text;
