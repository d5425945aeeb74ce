CREATE TABLE import_rows (
  id serial8 PRIMARY KEY,
  line_no smallserial,
  body text
);
