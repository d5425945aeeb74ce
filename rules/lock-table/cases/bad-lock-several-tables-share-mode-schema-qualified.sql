BEGIN;
LOCK TABLE billing.invoices, billing.invoice_lines IN SHARE MODE;
INSERT INTO billing.invoice_totals SELECT invoice_id, sum(amount) FROM billing.invoice_lines GROUP BY invoice_id;
COMMIT;
