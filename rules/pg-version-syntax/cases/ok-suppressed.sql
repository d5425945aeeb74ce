-- test-options: pgVersion=14
-- migsafe-ignore pg-version-syntax -- this file only runs on the analytics cluster (PostgreSQL 16)
MERGE INTO stock s
USING deliveries d ON s.item_id = d.item_id
WHEN MATCHED THEN UPDATE SET qty = s.qty + d.qty;
