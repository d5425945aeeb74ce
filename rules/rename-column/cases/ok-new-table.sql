CREATE TABLE public.import_rows (id bigint PRIMARY KEY, col_1 text, col_2 text);
-- The table is created by this migration, so no running code uses its columns yet.
ALTER TABLE import_rows RENAME COLUMN col_1 TO sku;
ALTER TABLE public.import_rows RENAME COLUMN col_2 TO title;
