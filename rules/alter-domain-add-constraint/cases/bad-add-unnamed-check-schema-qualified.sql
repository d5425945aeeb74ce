SET lock_timeout = '5s';
ALTER DOMAIN billing.money_amount ADD CHECK (VALUE >= 0);
