SET lock_timeout = '5s';
CLUSTER (VERBOSE) billing.invoices USING invoices_issued_on_idx;
