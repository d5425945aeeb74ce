CREATE TABLE staging_import (id bigint, raw text, tmp text);
ALTER TABLE staging_import DROP COLUMN tmp;
ALTER TABLE staging_import RENAME COLUMN raw TO payload;
