-- migsafe-ignore unbatched-backfill -- countries has 250 rows
UPDATE countries SET name = initcap(name);
