SET lock_timeout = '5s';
-- migsafe-ignore drop-column -- copied from the previous migration
ALTER TABLE users ADD COLUMN nickname text;
