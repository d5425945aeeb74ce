-- A goose migration: the Down section is the rollback, so dropping the table there loses what
-- was written since the Up ran.
-- +goose Up
SET lock_timeout = '5s';
CREATE TABLE audit_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb NOT NULL);

-- +goose Down
SET lock_timeout = '5s';
DROP TABLE audit_events;
