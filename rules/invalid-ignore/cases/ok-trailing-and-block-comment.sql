SET lock_timeout = '5s';
ALTER TABLE users DROP COLUMN legacy_flag; -- migsafe-ignore drop-column -- unused since release 42
/* migsafe-ignore rename-column -- only the nightly export reads this table, paused for the deploy */
ALTER TABLE export_rows RENAME COLUMN amt TO amount;
