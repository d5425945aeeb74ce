SET lock_timeout = '5s';
ALTER TABLE legacy_imports ADD PRIMARY KEY (id);
