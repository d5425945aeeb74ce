CREATE TABLE import_batches (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, loaded_at timestamptz NOT NULL);
INSERT INTO import_batches (loaded_at) SELECT now() FROM generate_series(1, 1000);
DELETE FROM import_batches WHERE id > 10;
VACUUM FULL import_batches;
