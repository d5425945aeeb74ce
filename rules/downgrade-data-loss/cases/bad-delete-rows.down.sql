DELETE FROM settings WHERE key = 'beta';
