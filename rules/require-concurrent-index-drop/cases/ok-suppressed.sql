SET lock_timeout = '5s';
-- migsafe-ignore require-concurrent-index-drop -- countries is tiny and read-only
DROP INDEX countries_name_idx;
