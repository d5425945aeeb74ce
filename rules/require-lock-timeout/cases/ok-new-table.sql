CREATE TABLE public.tags (id bigint PRIMARY KEY, name text);
ALTER TABLE tags ADD COLUMN color text;
CREATE INDEX tags_name_idx ON tags (name);
