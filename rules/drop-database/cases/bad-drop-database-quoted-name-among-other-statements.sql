DROP TABLE IF EXISTS report_exports;
DROP DATABASE "analytics-staging";
CREATE DATABASE analytics_staging;
