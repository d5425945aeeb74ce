CREATE UNLOGGED TABLE import_rows (id bigint PRIMARY KEY, payload jsonb NOT NULL);
INSERT INTO import_rows SELECT id, payload FROM legacy_import;
ALTER TABLE import_rows SET LOGGED;
