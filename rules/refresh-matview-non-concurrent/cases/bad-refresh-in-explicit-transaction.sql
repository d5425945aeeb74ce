BEGIN;
UPDATE sales SET amount = amount * 100 WHERE currency = 'JPY' AND id < 1000;
REFRESH MATERIALIZED VIEW sales_by_day;
COMMIT;
