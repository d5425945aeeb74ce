SET lock_timeout = '5s';
-- varchar(64) -> text is binary-coercible: PostgreSQL changes the catalog only, no rewrite.
-- migsafe-ignore change-column-type -- users.nickname was varchar(64); varchar -> text does not rewrite
ALTER TABLE users ALTER COLUMN nickname TYPE text;
