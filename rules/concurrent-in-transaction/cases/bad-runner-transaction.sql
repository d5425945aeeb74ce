-- test-options: assumeInTransaction=true
-- The runner (Flyway, sqitch, …) wraps every file in a transaction.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON public.orders (created_at);
