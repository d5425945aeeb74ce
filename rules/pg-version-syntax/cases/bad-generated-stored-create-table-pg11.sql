-- test-options: pgVersion=11
-- a new table is no exception: the statement does not parse on PostgreSQL 11
CREATE TABLE line_items (
  id bigserial PRIMARY KEY,
  qty int NOT NULL,
  unit_price numeric(12, 2) NOT NULL,
  total numeric(14, 2) GENERATED ALWAYS AS (qty * unit_price) STORED
);
