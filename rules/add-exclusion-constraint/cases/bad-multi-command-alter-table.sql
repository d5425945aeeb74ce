-- The new column is fine; the EXCLUDE in the same ALTER TABLE is not.
ALTER TABLE bookings
  ADD COLUMN cancelled boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (NOT cancelled);
