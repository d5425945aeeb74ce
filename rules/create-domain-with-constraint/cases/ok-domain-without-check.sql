CREATE DOMAIN email_address AS text;
CREATE DOMAIN billing.money_amount AS numeric(12, 2) DEFAULT 0 NOT NULL;
