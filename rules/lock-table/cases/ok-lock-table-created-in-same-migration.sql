CREATE TABLE plan_history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account_id bigint NOT NULL, plan text NOT NULL);
BEGIN;
LOCK TABLE plan_history IN ACCESS EXCLUSIVE MODE;
INSERT INTO plan_history (account_id, plan) SELECT id, plan FROM accounts WHERE id < 1000;
COMMIT;
