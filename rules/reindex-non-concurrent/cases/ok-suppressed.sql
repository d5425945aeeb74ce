-- migsafe-ignore reindex-non-concurrent -- lookup table of 40 rows, rebuild takes milliseconds
REINDEX TABLE country_codes;
