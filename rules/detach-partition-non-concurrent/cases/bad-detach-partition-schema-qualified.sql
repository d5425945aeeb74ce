SET lock_timeout = '5s';
ALTER TABLE IF EXISTS analytics.page_views DETACH PARTITION analytics.page_views_2021_01;
