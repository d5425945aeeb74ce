CREATE MATERIALIZED VIEW reporting.sales_by_day_v2 AS
  SELECT date_trunc('day', sold_at) AS day, store_id, sum(amount) AS total
  FROM sales GROUP BY 1, 2
  WITH NO DATA;
REFRESH MATERIALIZED VIEW reporting.sales_by_day_v2;
