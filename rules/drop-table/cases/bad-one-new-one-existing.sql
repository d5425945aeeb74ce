CREATE TABLE tmp_import (id bigint, payload jsonb);
-- tmp_import is exempt (created above); legacy_import is not.
DROP TABLE tmp_import, legacy_import;
