CREATE TABLE opening_hours (
  store_id bigint NOT NULL,
  day date NOT NULL,
  opens time NOT NULL,
  duration interval NOT NULL
);
