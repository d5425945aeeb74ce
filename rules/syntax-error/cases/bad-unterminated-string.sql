SET lock_timeout = '5s';
UPDATE settings SET value = 'on WHERE key = 'feature_x';
