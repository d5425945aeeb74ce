SET lock_timeout = '5s';
-- migsafe-ignore drop-table -- archived in release 40, unused since; backup in s3://backups/legacy_events.dump
DROP TABLE legacy_events_archived_2024_06;
