CREATE DOMAIN billing.money_amount AS numeric(12, 2)
  DEFAULT 0
  NOT NULL
  CONSTRAINT money_amount_non_negative CHECK (VALUE >= 0);
