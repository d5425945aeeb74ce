CREATE TABLE events_archive (LIKE events INCLUDING ALL) TABLESPACE archive_hdd;
ALTER TABLE events_archive SET TABLESPACE cold_storage;
