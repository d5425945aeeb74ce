-- The body runs when CALLed, outside this file's statements; each batch commits on its own.
CREATE PROCEDURE backfill_email_normalized(batch int DEFAULT 5000) LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
  LOOP
    UPDATE users SET email_normalized = lower(email)
    WHERE id IN (SELECT id FROM users WHERE email_normalized IS NULL LIMIT batch);
    GET DIAGNOSTICS n = ROW_COUNT;
    EXIT WHEN n = 0;
    COMMIT;
  END LOOP;
END $$;
