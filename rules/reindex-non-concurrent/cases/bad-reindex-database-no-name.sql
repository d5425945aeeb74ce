-- REINDEX DATABASE without a name means the current database (PostgreSQL 16+).
REINDEX DATABASE;
