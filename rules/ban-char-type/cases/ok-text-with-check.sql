CREATE TABLE countries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  iso_code text NOT NULL UNIQUE CONSTRAINT countries_iso_code_format CHECK (iso_code ~ '^[A-Z]{2}$')
);
