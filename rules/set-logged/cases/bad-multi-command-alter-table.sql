-- The fillfactor change is harmless; the SET LOGGED in the same statement is not.
ALTER TABLE events SET (fillfactor = 90), SET LOGGED;
