-- Out of scope for this rule (it looks at new columns): raising a limit needs no rewrite.
SET lock_timeout = '5s';
ALTER TABLE legacy_users ALTER COLUMN username TYPE varchar(60);
