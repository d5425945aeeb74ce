SET lock_timeout = '5s';
ALTER TABLE orders CLUSTER ON orders_created_at_idx;
ALTER TABLE billing.invoices SET WITHOUT CLUSTER;
