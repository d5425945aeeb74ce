-- test-options: pgVersion=13
-- PostgreSQL 13 has no DETACH … CONCURRENTLY: still reported, with the "old" message.
ALTER TABLE events DETACH PARTITION events_2019;
