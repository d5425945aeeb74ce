CREATE TABLE import_rows (id bigint, sku text);
CREATE INDEX import_rows_sku_idx ON import_rows (sku);
DROP INDEX import_rows_sku_idx;
DROP INDEX IF EXISTS public.import_rows_sku_idx;
