-- integer is fine for values that are not ids.
CREATE TABLE order_lines (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  quantity integer NOT NULL CHECK (quantity > 0),
  position smallint NOT NULL
);
ALTER TABLE orders ADD COLUMN retry_count int NOT NULL DEFAULT 0;
