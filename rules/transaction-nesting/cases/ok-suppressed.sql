-- test-options: assumeInTransaction=true
ALTER TABLE orders ADD COLUMN note text;
-- migsafe-ignore transaction-nesting -- commit before the CONCURRENTLY step; runner tolerates it (see docs/migrations.md)
COMMIT;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_note_idx ON orders (note);
