-- Release 2: validate it; this scans, but under SHARE UPDATE EXCLUSIVE (reads and writes go on).
SET lock_timeout = '5s';
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
