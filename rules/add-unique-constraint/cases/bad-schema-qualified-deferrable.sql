SET lock_timeout = '5s';
ALTER TABLE IF EXISTS public.seats
  ADD CONSTRAINT seats_position_key UNIQUE (row_no, seat_no) DEFERRABLE INITIALLY DEFERRED;
