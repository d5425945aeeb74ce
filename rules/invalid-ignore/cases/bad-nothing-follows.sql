SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
-- migsafe-ignore drop-column -- the drop moved to the next migration
