-- The table is created in this migration: nobody else can be using it yet.
BEGIN;
CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric);
ALTER TABLE invoices ADD CONSTRAINT invoices_total_positive CHECK (total >= 0) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_total_positive;
COMMIT;
