REVOKE CONNECT ON DATABASE legacy_reports FROM PUBLIC;
ALTER DATABASE legacy_reports WITH ALLOW_CONNECTIONS false;
ALTER DATABASE legacy_reports SET default_transaction_read_only = on;
