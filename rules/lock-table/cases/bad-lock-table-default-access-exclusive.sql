BEGIN;
LOCK TABLE accounts;
UPDATE accounts SET plan = 'legacy' WHERE plan IS NULL;
COMMIT;
