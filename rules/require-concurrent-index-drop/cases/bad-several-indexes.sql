SET lock_timeout = '5s';
DROP INDEX orders_status_idx, orders_region_idx;
