DO $$
BEGIN
  IF to_regclass('public.api_keys') IS NULL THEN
    CREATE TABLE api_keys (id bigserial PRIMARY KEY, key_hash text NOT NULL);
  END IF;
END $$;
