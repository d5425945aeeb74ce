DO $$
BEGIN
  IF (SELECT count(*) FROM feature_flags) > 0 THEN
    TRUNCATE feature_flags;
  END IF;
END $$;
