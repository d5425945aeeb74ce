CREATE TABLE user_stats AS SELECT id AS user_id, 0 AS logins FROM users;
UPDATE user_stats SET logins = 1;
DELETE FROM user_stats;
