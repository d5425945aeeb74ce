UPDATE users SET email_normalized = lower(email)
WHERE id >= 1 AND id < 10001 AND email_normalized IS NULL;
