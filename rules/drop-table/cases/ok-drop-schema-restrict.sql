-- without CASCADE, PostgreSQL refuses to drop a schema that still has objects
DROP SCHEMA IF EXISTS scratch;
