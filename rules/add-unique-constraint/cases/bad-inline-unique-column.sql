SET lock_timeout = '5s';
ALTER TABLE articles ADD COLUMN slug text UNIQUE;
