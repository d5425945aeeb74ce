CREATE TABLE orders (id serial PRIMARY KEY, customer_id integer NOT NULL);
