BEGIN;
SELECT pg_advisory_xact_lock(hashtext('backfill-accounts-plan'));
UPDATE accounts SET plan = 'legacy' WHERE plan IS NULL AND id < 10000;
COMMIT;
