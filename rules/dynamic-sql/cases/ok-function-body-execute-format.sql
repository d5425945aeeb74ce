-- a function body runs when the function is called, not during the migration
CREATE OR REPLACE FUNCTION purge_partition(p text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('TRUNCATE %I', p);
END
$$;
