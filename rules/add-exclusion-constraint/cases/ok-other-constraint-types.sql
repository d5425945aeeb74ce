SET lock_timeout = '5s';
ALTER TABLE bookings ADD CONSTRAINT bookings_during_not_empty CHECK (NOT isempty(during)) NOT VALID;
ALTER TABLE bookings VALIDATE CONSTRAINT bookings_during_not_empty;
