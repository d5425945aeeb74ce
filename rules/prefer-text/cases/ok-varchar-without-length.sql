-- varchar with no length is the same as text.
CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body varchar NOT NULL, tags character varying[]);
