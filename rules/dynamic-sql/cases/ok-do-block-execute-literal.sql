-- EXECUTE of a plain string literal is read like any statement
DO $$
BEGIN
  EXECUTE 'CREATE TABLE IF NOT EXISTS audit_log (id bigint PRIMARY KEY)';
END
$$;
