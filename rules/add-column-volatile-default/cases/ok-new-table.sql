CREATE TABLE api_tokens (user_id bigint NOT NULL);
ALTER TABLE api_tokens ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE api_tokens ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
