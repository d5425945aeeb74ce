DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_class WHERE relname = 'orders_customer_id_idx') THEN
    REINDEX INDEX orders_customer_id_idx;
  END IF;
END $$;
