DO $$
BEGIN
  LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE;
  UPDATE accounts SET plan = 'legacy' WHERE plan IS NULL;
END $$;
