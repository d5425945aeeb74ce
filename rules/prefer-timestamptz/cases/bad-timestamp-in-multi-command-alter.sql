ALTER TABLE orders
  ADD COLUMN cancelled_reason text,
  ADD COLUMN cancelled_at timestamp without time zone;
