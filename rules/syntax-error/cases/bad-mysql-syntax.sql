-- MySQL, not PostgreSQL: MODIFY and backtick quoting do not exist here.
ALTER TABLE `users` MODIFY `email` varchar(255) NOT NULL;
