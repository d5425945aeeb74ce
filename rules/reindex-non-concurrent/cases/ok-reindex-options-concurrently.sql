-- The PostgreSQL 14+ option-list spelling.
REINDEX (CONCURRENTLY, VERBOSE) SCHEMA billing;
