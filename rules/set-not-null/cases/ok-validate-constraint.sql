SET lock_timeout = '5s';
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
