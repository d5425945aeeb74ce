-- Reported as "a WHERE clause that is always true", not as a missing WHERE.
DELETE FROM sessions WHERE true;
