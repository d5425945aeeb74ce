-- accounts_new is exempt; accounts is not.
CREATE TABLE accounts_new (LIKE accounts INCLUDING ALL);
BEGIN;
LOCK TABLE accounts, accounts_new IN ACCESS EXCLUSIVE MODE;
ALTER TABLE accounts RENAME TO accounts_old;
ALTER TABLE accounts_new RENAME TO accounts;
COMMIT;
