-- test-options: pgVersion=11 assumeInTransaction=true
-- migsafe-ignore enum-value-in-transaction -- this file is listed in the runner's no-transaction set
ALTER TYPE order_status ADD VALUE 'refunded';
