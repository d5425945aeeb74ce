CREATE TABLE webhooks (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb NOT NULL, headers jsonb[]);
ALTER TABLE analytics.events ADD COLUMN properties jsonb NOT NULL DEFAULT '{}';
