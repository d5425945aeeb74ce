DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = 'events_2019'::regclass) THEN
    ALTER TABLE events DETACH PARTITION events_2019;
  END IF;
END $$;
