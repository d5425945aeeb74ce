ALTER INDEX users_pkey RENAME TO accounts_pkey;
ALTER SEQUENCE users_id_seq RENAME TO accounts_id_seq;
