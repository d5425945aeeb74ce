CREATE TABLE public.invoices (id bigint PRIMARY KEY, order_id bigint, total numeric);
ALTER TABLE invoices ADD CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE public.invoices ADD CONSTRAINT invoices_total_check CHECK (total >= 0);
