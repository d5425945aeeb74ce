CREATE TABLE IF NOT EXISTS billing.invoices (
  id serial PRIMARY KEY,
  number text NOT NULL
);
