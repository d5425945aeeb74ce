CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text);
CREATE INDEX users_email_idx ON users (email);
