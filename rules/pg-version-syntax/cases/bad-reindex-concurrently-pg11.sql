-- test-options: pgVersion=11
-- REINDEX … CONCURRENTLY is PostgreSQL 12+
REINDEX INDEX CONCURRENTLY orders_created_at_idx;
