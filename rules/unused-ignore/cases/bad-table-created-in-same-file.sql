CREATE TABLE import_rows (id bigint, tmp text);
-- import_rows is new, so drop-column does not fire and the ignore covers nothing.
-- migsafe-ignore drop-column -- scratch column
ALTER TABLE import_rows DROP COLUMN tmp;
