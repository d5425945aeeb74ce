-- migsafe-ignore prefer-timestamptz -- local wall-clock time of the event at the venue, by design
ALTER TABLE concerts ADD COLUMN doors_open_local timestamp;
