-- Index and constraint names are not used by queries: these renames are not column renames.
ALTER INDEX users_email_idx RENAME TO users_email_address_idx;
ALTER TABLE users RENAME CONSTRAINT users_email_check TO users_email_address_check;
