BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE events RENAME TO events_old;
ALTER TABLE events_rebuilt RENAME TO events;
COMMIT;
