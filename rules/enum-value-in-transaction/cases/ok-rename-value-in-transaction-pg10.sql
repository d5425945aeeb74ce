-- test-options: pgVersion=10 assumeInTransaction=true
-- RENAME VALUE (PostgreSQL 10+) is allowed inside a transaction block.
ALTER TYPE order_status RENAME VALUE 'canceled' TO 'cancelled';
