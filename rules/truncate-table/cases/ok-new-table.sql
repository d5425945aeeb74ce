CREATE TABLE import_buffer (id bigint, row jsonb);
INSERT INTO import_buffer VALUES (1, '{}');
TRUNCATE import_buffer;
