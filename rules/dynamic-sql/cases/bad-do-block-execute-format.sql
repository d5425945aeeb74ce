-- the statement EXECUTE runs is computed while the DO block runs: nothing of it can be read
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'archive' LOOP
    EXECUTE format('DROP TABLE archive.%I', t);
  END LOOP;
END
$$;
