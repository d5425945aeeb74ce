-- Step 1 of the safe rewrite: a new bigint column, filled by a trigger for new writes.
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN id_new bigint;

CREATE FUNCTION orders_sync_id_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.id_new := NEW.id;
  RETURN NEW;
END $$;

CREATE TRIGGER orders_sync_id_new BEFORE INSERT OR UPDATE ON orders
  FOR EACH ROW EXECUTE FUNCTION orders_sync_id_new();
