CREATE OR REPLACE FUNCTION audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- a nested $$ string and a ; inside a literal do not end the statement
  NEW.note := $$it's done; really$$;
  NEW.updated_at := now();
  RETURN NEW;
END
$fn$;
