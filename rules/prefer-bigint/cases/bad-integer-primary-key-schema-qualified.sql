CREATE TABLE billing.invoices (
  id integer NOT NULL PRIMARY KEY,
  number text NOT NULL
);
