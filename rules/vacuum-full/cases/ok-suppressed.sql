-- migsafe-ignore vacuum-full -- settings table, 12 rows; runs in the maintenance window of 2024-06-01
VACUUM FULL app_settings;
