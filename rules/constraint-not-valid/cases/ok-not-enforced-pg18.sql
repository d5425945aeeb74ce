SET lock_timeout = '5s';
-- PostgreSQL 18: a NOT ENFORCED constraint is never validated.
ALTER TABLE events ADD CONSTRAINT events_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT ENFORCED;
