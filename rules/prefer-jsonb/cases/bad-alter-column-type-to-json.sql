ALTER TABLE settings ALTER COLUMN value TYPE json USING value::json;
