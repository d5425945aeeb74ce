SET lock_timeout = '5s';
ALTER TABLE IF EXISTS ONLY sales.order_items
  ADD CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES sales.orders (id) ON DELETE CASCADE NOT VALID,
  ADD CONSTRAINT order_items_qty_check CHECK (quantity > 0);
