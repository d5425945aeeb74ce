VACUUM (FULL, ANALYZE, VERBOSE) billing.invoices, billing.payments;
