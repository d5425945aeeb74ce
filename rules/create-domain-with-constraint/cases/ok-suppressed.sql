-- migsafe-ignore create-domain-with-constraint -- a percentage is 0..100 by definition
CREATE DOMAIN percentage AS numeric(5, 2) CHECK (VALUE BETWEEN 0 AND 100);
