ALTER TABLE orders
  ADD COLUMN shipping_address jsonb,
  ADD COLUMN line_item_snapshots json[];
