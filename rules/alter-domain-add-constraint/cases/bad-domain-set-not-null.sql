-- SET NOT NULL on a domain scans every column that uses it, and has no NOT VALID form.
ALTER DOMAIN email_address SET NOT NULL;
