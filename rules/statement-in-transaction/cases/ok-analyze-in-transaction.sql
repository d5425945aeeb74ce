-- ANALYZE (without VACUUM) may run inside a transaction block; only VACUUM may not
BEGIN;
ANALYZE orders;
ANALYZE VERBOSE orders (placed_at);
COMMIT;
