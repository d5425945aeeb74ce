CREATE TABLE tmp_user_ids (id bigint PRIMARY KEY);
INSERT INTO tmp_user_ids SELECT id FROM users WHERE deleted_at IS NOT NULL;
DELETE FROM sessions WHERE user_id IN (SELECT id FROM tmp_user_ids);
DROP TABLE tmp_user_ids;
