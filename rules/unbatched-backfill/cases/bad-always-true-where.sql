-- A WHERE that is always true filters nothing: this is still the whole table in one transaction.
UPDATE users SET status = 'active' WHERE 1 = 1;
