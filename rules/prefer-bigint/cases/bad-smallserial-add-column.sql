SET lock_timeout = '5s';
ALTER TABLE legacy_imports ADD COLUMN row_no smallserial;
