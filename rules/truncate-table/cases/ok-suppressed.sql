SET lock_timeout = '2s';
-- migsafe-ignore truncate-table -- cache table, rebuilt on demand; the app tolerates it being empty
TRUNCATE rendered_page_cache;
