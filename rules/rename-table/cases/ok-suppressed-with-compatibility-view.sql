BEGIN;
SET LOCAL lock_timeout = '5s';
-- migsafe-ignore rename-table -- a view named users over accounts is created in the same transaction
ALTER TABLE users RENAME TO accounts;
CREATE VIEW users AS SELECT * FROM accounts;
COMMIT;
