BEGIN;
SET LOCAL lock_timeout TO 5000;
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
