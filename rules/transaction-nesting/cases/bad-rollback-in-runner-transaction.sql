-- test-options: assumeInTransaction=true
ALTER TABLE orders ADD COLUMN note text;
ROLLBACK;
ALTER TABLE orders ADD COLUMN remark text;
