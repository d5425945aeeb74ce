VACUUM orders;
VACUUM (ANALYZE, VERBOSE) billing.invoices;
ANALYZE billing.payments;
