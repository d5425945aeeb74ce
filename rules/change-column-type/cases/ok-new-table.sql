CREATE TABLE staging_orders (id integer, total text);
ALTER TABLE staging_orders ALTER COLUMN id TYPE bigint, ALTER COLUMN total TYPE numeric USING total::numeric;
