-- migsafe-ignore add-exclusion-constraint -- reservations has 800 rows, lock held for well under a second
ALTER TABLE reservations ADD CONSTRAINT reservations_no_overlap EXCLUDE USING gist (during WITH &&);
