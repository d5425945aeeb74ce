-- migsafe-ignore prefer-identity -- must match the legacy schema that the replication tool expects
CREATE TABLE legacy_mirror (id serial PRIMARY KEY, body text);
