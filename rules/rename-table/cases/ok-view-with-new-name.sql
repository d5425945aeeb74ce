-- Step 1 of the safe rewrite: the new name exists as a simple (auto-updatable) view over the old table.
CREATE VIEW accounts AS SELECT * FROM users;
