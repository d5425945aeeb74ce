CREATE TABLE public.invoices (id bigint PRIMARY KEY);
ALTER TABLE invoices ADD COLUMN customer_id bigint NOT NULL;
