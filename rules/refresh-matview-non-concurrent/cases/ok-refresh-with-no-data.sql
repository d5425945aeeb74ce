-- Empties the view (a quick catalog change); readers then get "has not been populated".
REFRESH MATERIALIZED VIEW sales_by_day WITH NO DATA;
