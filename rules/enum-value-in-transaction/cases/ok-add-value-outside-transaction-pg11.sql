-- test-options: pgVersion=11
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';
ALTER TYPE billing.invoice_state ADD VALUE IF NOT EXISTS 'disputed';
