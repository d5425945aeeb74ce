-- Step 2 of the safe rewrite: the code no longer uses the table, so archive it instead of dropping it.
SET lock_timeout = '5s';
-- migsafe-ignore rename-table -- legacy_events unused since release 42 (PR #1234)
ALTER TABLE legacy_events RENAME TO legacy_events_archived_2024_06;
