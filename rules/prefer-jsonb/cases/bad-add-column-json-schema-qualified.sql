SET lock_timeout = '5s';
ALTER TABLE analytics.events ADD COLUMN IF NOT EXISTS properties pg_catalog.json DEFAULT '{}';
