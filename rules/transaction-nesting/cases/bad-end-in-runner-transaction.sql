-- test-options: assumeInTransaction=true
-- END is PostgreSQL's synonym for COMMIT.
UPDATE feature_flags SET enabled = true WHERE name = 'new_checkout';
END;
