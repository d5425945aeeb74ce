SET lock_timeout = '5s';
ALTER TABLE crm.contacts ADD COLUMN IF NOT EXISTS job_title character varying(100);
