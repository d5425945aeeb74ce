-- migsafe-ignore cluster-table -- 2,000-row lookup table, clustered once for range scans
CLUSTER tariff_zones USING tariff_zones_code_idx;
