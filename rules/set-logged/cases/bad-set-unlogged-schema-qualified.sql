SET lock_timeout = '5s';
ALTER TABLE IF EXISTS cache.http_responses SET UNLOGGED;
