-- migsafe-ignore-file drop-column, require-lock-timeout -- cleanup of columns unused since release 40; run in the maintenance window
ALTER TABLE users DROP COLUMN legacy_flag;
ALTER TABLE users DROP COLUMN legacy_role;
