DO $$
BEGIN
  IF to_regclass('public.customer') IS NOT NULL THEN
    ALTER TABLE public.customer RENAME TO customers;
  END IF;
END $$;
