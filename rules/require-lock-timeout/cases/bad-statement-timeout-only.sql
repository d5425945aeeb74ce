-- statement_timeout is sized for the whole index build, so the statement may sit in the lock queue
-- for up to 30 minutes with every write to orders queued behind it: set lock_timeout as well.
SET statement_timeout = '30min';
CREATE INDEX orders_created_at_idx ON orders (created_at);
