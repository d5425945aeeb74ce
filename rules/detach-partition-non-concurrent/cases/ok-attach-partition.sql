-- ATTACH is a different operation (SHARE UPDATE EXCLUSIVE on the parent since PostgreSQL 12).
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
