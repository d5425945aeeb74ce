-- test-options: pgVersion=14
DO $$
BEGIN
  MERGE INTO stock s
  USING deliveries d ON s.item_id = d.item_id
  WHEN MATCHED THEN UPDATE SET qty = s.qty + d.qty;
END $$;
