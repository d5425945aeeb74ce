-- Remove old rows in key-range batches instead of emptying the table.
DELETE FROM sessions WHERE id >= 1 AND id < 10001 AND expires_at < now();
