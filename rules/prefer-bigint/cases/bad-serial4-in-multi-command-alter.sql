ALTER TABLE events
  ADD COLUMN source text,
  ADD COLUMN seq serial4;
