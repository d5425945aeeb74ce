SET lock_timeout = '5s';
TRUNCATE TABLE ONLY public.orders, public.order_items RESTART IDENTITY CASCADE;
