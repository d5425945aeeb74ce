CREATE TABLE measurements (id bigint NOT NULL, taken_on date NOT NULL, value numeric) PARTITION BY RANGE (taken_on);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurements_tmp PARTITION OF measurements FOR VALUES FROM ('2000-01-01') TO ('2001-01-01');
ALTER TABLE measurements DETACH PARTITION measurements_tmp;
