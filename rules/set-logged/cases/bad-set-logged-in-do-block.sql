DO $$
BEGIN
  IF (SELECT relpersistence FROM pg_class WHERE oid = 'events'::regclass) = 'u' THEN
    ALTER TABLE events SET LOGGED;
  END IF;
END $$;
