-- migsafe-ignore set-logged -- cache table, 5k rows; rewrite takes milliseconds
ALTER TABLE session_cache SET UNLOGGED;
