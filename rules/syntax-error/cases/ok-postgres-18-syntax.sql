CREATE TABLE room_bookings (
  room_id bigint,
  during tstzrange,
  id uuid DEFAULT uuidv7(),
  PRIMARY KEY (room_id, during WITHOUT OVERLAPS)
);
