-- migsafe-ignore-file truncate-table -- cache tables are rebuilt on demand
SET lock_timeout = '2s';
TRUNCATE rendered_page_cache;
TRUNCATE rendered_feed_cache;
