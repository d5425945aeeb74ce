CREATE TABLE app.events (id bigint PRIMARY KEY, user_id bigint, created_at timestamptz);
CREATE INDEX events_user_id_idx ON app.events (user_id);
CREATE INDEX ON events (created_at);
