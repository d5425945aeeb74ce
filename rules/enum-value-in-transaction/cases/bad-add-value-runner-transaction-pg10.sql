-- test-options: pgVersion=10 assumeInTransaction=true
ALTER TYPE order_status ADD VALUE 'refunded';
