SET lock_timeout = '5s';
ALTER TABLE IF EXISTS billing.invoice RENAME TO invoices;
