-- legacy_imports.id is already NOT NULL; otherwise ADD PRIMARY KEY would scan the table to set it.
CREATE UNIQUE INDEX CONCURRENTLY legacy_imports_pkey ON legacy_imports (id);
SET lock_timeout = '5s';
ALTER TABLE legacy_imports ADD CONSTRAINT legacy_imports_pkey PRIMARY KEY USING INDEX legacy_imports_pkey;
