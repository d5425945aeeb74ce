-- migsafe-ignore rename-column -- reporting.daily_totals is only read by the nightly job, which is paused for this deploy
ALTER TABLE reporting.daily_totals RENAME COLUMN amt TO amount;
