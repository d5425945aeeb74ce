-- migsafe-ignore prefer-bigint -- ISO country list, fewer than 300 rows ever
CREATE TABLE countries (id smallint PRIMARY KEY, iso_code text NOT NULL UNIQUE);
