SET lock_timeout = '5s';
ALTER TABLE ONLY billing.invoices ADD COLUMN currency character(3) NOT NULL DEFAULT 'EUR';
