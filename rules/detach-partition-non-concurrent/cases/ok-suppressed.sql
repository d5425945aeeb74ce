-- migsafe-ignore detach-partition-non-concurrent -- events has a DEFAULT partition; run in the weekly maintenance window
ALTER TABLE events DETACH PARTITION events_2019;
