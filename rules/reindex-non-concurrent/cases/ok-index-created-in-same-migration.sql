CREATE TABLE audit_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb);
CREATE INDEX audit_events_payload_idx ON audit_events USING gin (payload);
REINDEX INDEX audit_events_payload_idx;
REINDEX TABLE audit_events;
