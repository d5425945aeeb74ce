SET lock_timeout = '5s';
ALTER TABLE analytics.events ADD COLUMN properties_jsonb jsonb;
UPDATE analytics.events SET properties_jsonb = properties::jsonb WHERE id >= 1 AND id < 10001 AND properties_jsonb IS NULL;
