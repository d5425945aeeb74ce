-- test-options: pgVersion=13
-- CONCURRENTLY inside the option list is PostgreSQL 14 syntax; 12 and 13 only accept it after the target type
REINDEX (CONCURRENTLY) INDEX orders_created_at_idx;
