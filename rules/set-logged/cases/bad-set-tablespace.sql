ALTER TABLE ONLY public.orders SET TABLESPACE fast_ssd;
