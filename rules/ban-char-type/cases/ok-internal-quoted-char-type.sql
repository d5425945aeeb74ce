-- "char" (quoted) is PostgreSQL's internal one-byte type, as used in pg_class.relkind: no padding.
CREATE TABLE object_kinds (kind "char" PRIMARY KEY, label text NOT NULL);
