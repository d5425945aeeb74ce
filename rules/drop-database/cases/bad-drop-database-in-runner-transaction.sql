-- test-options: assumeInTransaction=true
-- Fails inside a transaction block, and destroys the database wherever it does run.
DROP DATABASE legacy_reports;
