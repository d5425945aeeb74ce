-- migsafe checks this file in CI; see docs/migrations.md
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
