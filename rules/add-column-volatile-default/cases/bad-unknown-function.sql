SET lock_timeout = '5s';
-- migsafe cannot prove a user-defined function is STABLE or IMMUTABLE.
ALTER TABLE orders ADD COLUMN ref text DEFAULT billing.next_reference();
