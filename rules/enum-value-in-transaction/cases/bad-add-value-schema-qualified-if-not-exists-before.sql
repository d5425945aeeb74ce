-- test-options: pgVersion=11 assumeInTransaction=true
ALTER TYPE billing.invoice_state ADD VALUE IF NOT EXISTS 'disputed' BEFORE 'paid';
