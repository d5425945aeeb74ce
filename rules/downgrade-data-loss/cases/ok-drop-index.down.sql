-- an index holds no data of its own
DROP INDEX CONCURRENTLY IF EXISTS ix_users_email;
