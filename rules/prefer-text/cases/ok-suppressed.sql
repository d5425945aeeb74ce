-- migsafe-ignore prefer-text -- the reporting ETL maps varchar(n) to fixed-width export columns
ALTER TABLE exports ADD COLUMN reference_code varchar(12);
