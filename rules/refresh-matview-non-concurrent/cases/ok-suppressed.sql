-- migsafe-ignore refresh-matview-non-concurrent -- 50-row view, refresh takes 20 ms
REFRESH MATERIALIZED VIEW currency_rates_latest;
