CREATE TABLE billing.invoices (id bigserial PRIMARY KEY, number text NOT NULL);
ALTER TABLE audit_log ADD COLUMN seq int8 GENERATED ALWAYS AS IDENTITY;
