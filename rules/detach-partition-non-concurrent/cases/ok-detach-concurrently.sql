SET lock_timeout = '5s';
ALTER TABLE events DETACH PARTITION events_2019 CONCURRENTLY;
ALTER TABLE analytics.page_views DETACH PARTITION analytics.page_views_2021_01 CONCURRENTLY;
