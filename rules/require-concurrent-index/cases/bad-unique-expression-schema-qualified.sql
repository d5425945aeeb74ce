SET lock_timeout = '5s';
CREATE UNIQUE INDEX IF NOT EXISTS users_lower_email_key ON public.users USING btree (lower(email));
