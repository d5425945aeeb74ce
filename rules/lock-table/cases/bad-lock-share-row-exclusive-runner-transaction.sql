-- test-options: assumeInTransaction=true
SET LOCAL lock_timeout = '2s';
LOCK orders IN SHARE ROW EXCLUSIVE MODE;
