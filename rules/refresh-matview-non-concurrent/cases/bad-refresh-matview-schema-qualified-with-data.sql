SET lock_timeout = '5s';
REFRESH MATERIALIZED VIEW reporting.monthly_revenue WITH DATA;
