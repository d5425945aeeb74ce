ALTER DOMAIN billing.money_amount ADD CONSTRAINT money_amount_not_null NOT NULL;
