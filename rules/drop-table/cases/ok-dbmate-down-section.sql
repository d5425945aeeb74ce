-- dbmate: the DROP TABLE is in the down section, the rollback (downgrade-data-loss's concern), not the deploy
-- migrate:up
SET lock_timeout = '5s';
CREATE TABLE audit_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb NOT NULL);

-- migrate:down
SET lock_timeout = '5s';
DROP TABLE audit_events;
