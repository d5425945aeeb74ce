BEGIN;
ALTER TABLE billing.invoices ADD COLUMN due_on date;
START TRANSACTION;
ALTER TABLE billing.invoices ADD COLUMN paid_on date;
COMMIT;
ALTER TABLE billing.invoices ADD COLUMN voided_on date;
COMMIT;
