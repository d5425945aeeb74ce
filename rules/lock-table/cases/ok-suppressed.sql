BEGIN;
-- migsafe-ignore lock-table -- freeze writes to the 200-row plans table while its rows are renumbered
LOCK TABLE plans IN SHARE MODE;
COMMIT;
