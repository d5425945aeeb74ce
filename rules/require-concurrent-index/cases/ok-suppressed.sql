SET lock_timeout = '5s';
-- migsafe-ignore require-concurrent-index -- countries has 250 rows; the build takes milliseconds
CREATE INDEX countries_iso2_idx ON countries (iso2);
