-- The SET runs when the function is called, not now: the ALTER below still has no lock_timeout.
CREATE FUNCTION with_short_timeout() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  SET lock_timeout = '1s';
END
$$;
ALTER TABLE users ADD COLUMN nickname text;
