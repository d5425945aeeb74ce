-- The unique index makes CONCURRENTLY possible, but the refresh below does not use it.
CREATE UNIQUE INDEX CONCURRENTLY sales_by_day_day_store_key ON sales_by_day (day, store_id);
REFRESH MATERIALIZED VIEW sales_by_day;
