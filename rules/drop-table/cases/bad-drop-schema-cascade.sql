-- CASCADE drops every table in the schema, unnamed
DROP SCHEMA legacy CASCADE;
