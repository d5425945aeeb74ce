-- A column *named* json, of another type, is fine.
CREATE TABLE api_samples (id bigint PRIMARY KEY, json text NOT NULL, format text DEFAULT 'json');
