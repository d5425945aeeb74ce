DO $$
BEGIN
  IF to_regclass('public.orders_legacy_idx') IS NOT NULL THEN
    DROP INDEX public.orders_legacy_idx;
  END IF;
END $$;
