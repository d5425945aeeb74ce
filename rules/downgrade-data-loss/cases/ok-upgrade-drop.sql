-- an upgrade (not a .down.sql file): drop-column's business
ALTER TABLE users DROP COLUMN legacy_flag;
