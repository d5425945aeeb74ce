DO $$
BEGIN
  IF to_regclass('public.orders_created_at_idx') IS NULL THEN
    CREATE INDEX orders_created_at_idx ON orders (created_at);
  END IF;
END $$;
