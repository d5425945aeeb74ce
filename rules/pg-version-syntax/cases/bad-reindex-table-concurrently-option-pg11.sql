-- test-options: pgVersion=11
-- the option-list spelling of CONCURRENTLY: no REINDEX … CONCURRENTLY at all before 12
REINDEX (CONCURRENTLY) TABLE orders;
