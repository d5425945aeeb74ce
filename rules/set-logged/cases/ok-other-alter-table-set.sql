SET lock_timeout = '5s';
ALTER TABLE events SET (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.01);
ALTER TABLE events SET WITHOUT CLUSTER;
