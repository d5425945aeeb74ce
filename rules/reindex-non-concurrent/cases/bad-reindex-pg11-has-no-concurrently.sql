-- test-options: pgVersion=11
-- PostgreSQL 11 has no REINDEX CONCURRENTLY, so a plain REINDEX is reported with the "old" message.
REINDEX TABLE orders;
