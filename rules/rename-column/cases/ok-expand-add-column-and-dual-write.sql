SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN email_address text;

-- Keep both columns in sync while old and new code run side by side.
CREATE FUNCTION users_sync_email() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.email_address := coalesce(NEW.email_address, NEW.email);
    NEW.email := coalesce(NEW.email, NEW.email_address);
  ELSIF NEW.email IS DISTINCT FROM OLD.email THEN
    NEW.email_address := NEW.email;
  ELSIF NEW.email_address IS DISTINCT FROM OLD.email_address THEN
    NEW.email := NEW.email_address;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER users_sync_email BEFORE INSERT OR UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION users_sync_email();
