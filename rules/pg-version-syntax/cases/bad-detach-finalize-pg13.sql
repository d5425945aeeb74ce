-- test-options: pgVersion=13
SET lock_timeout = '5s';
ALTER TABLE measurements DETACH PARTITION measurements_2019 FINALIZE;
