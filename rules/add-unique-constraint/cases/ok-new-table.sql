CREATE TABLE public.tags (id bigint, name text);
ALTER TABLE tags ADD PRIMARY KEY (id);
ALTER TABLE public.tags ADD CONSTRAINT tags_name_key UNIQUE (name);
