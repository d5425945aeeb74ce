ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
CREATE TABLE shipments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  delivered_at timestamptz(3)
);
