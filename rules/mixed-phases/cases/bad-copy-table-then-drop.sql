CREATE TABLE accounts_v2 (id bigint PRIMARY KEY, name text);
INSERT INTO accounts_v2 SELECT id, name FROM accounts;
DROP TABLE accounts;
