-- Other objects are other rules' business; this rule is only about databases.
DROP SCHEMA IF EXISTS scratch CASCADE;
DROP EXTENSION IF EXISTS hstore;
