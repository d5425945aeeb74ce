-- migsafe-ignore downgrade-data-loss -- nicknames are re-entered by users
ALTER TABLE users DROP COLUMN nickname;
