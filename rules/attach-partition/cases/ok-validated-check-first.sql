SET lock_timeout = '5s';
ALTER TABLE measurements_2024 ADD CONSTRAINT measurements_2024_bound
  CHECK (logdate IS NOT NULL AND logdate >= '2024-01-01' AND logdate < '2025-01-01') NOT VALID;
ALTER TABLE measurements_2024 VALIDATE CONSTRAINT measurements_2024_bound;
ALTER TABLE measurements ATTACH PARTITION measurements_2024
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE measurements_2024 DROP CONSTRAINT measurements_2024_bound;
