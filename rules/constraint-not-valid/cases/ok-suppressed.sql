SET lock_timeout = '5s';
-- migsafe-ignore constraint-not-valid -- feature_flags has 40 rows; validation is instant
ALTER TABLE feature_flags ADD CONSTRAINT feature_flags_key_check CHECK (key <> '');
