SET lock_timeout = '5s';
ALTER TABLE ONLY scheduling.shifts ADD EXCLUDE USING gist (employee_id WITH =, tstzrange(starts_at, ends_at) WITH &&);
