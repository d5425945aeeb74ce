-- NOWAIT only avoids queueing; once granted, EXCLUSIVE blocks writes until COMMIT.
BEGIN;
LOCK TABLE ONLY orders IN EXCLUSIVE MODE NOWAIT;
COMMIT;
