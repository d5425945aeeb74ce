CREATE TABLE billing.invoices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  issued_at timestamp(3) without time zone NOT NULL DEFAULT now(),
  paid_at timestamptz
);
