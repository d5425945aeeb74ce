SET lock_timeout = '5s';
-- COLUMN is optional in RENAME; ONLY and IF EXISTS do not make it safer.
ALTER TABLE IF EXISTS ONLY billing.invoices RENAME total TO total_cents;
