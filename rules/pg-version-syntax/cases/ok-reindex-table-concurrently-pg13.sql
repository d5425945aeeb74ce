-- test-options: pgVersion=13
-- the spelling PostgreSQL 12 and 13 accept; (VERBOSE) in the option list is older still
REINDEX (VERBOSE) TABLE CONCURRENTLY orders;
