SET lock_timeout = '5s';
-- migsafe-ignore add-unique-constraint -- currencies has 180 rows; the index build is instant
ALTER TABLE currencies ADD CONSTRAINT currencies_code_key UNIQUE (code);
