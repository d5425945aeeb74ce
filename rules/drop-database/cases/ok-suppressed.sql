-- migsafe-ignore drop-database -- ephemeral database created by the test-fixture migration above
DROP DATABASE IF EXISTS test_fixture_42;
