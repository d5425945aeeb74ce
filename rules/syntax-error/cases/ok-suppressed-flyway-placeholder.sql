-- migsafe-ignore syntax-error -- ${schema} is a Flyway placeholder, replaced before the SQL runs
GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO reporting;
