CREATE DATABASE analytics_staging TEMPLATE template0 ENCODING 'UTF8';
