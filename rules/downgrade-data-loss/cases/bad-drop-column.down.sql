-- 0042_add_nickname.down.sql: the rollback of an ADD COLUMN
ALTER TABLE users DROP COLUMN nickname;
