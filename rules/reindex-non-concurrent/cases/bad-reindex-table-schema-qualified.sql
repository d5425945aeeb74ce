SET lock_timeout = '5s';
REINDEX (VERBOSE) TABLE billing.invoices;
