UPDATE ONLY public.orders AS o SET currency = 'EUR' WHERE true;
