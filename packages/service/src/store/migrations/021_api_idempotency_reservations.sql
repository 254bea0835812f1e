-- An Idempotency-Key is reserved (job_id NULL) before its job is created, so concurrent retries
-- never create two jobs and no connection is held while the job is made.
ALTER TABLE api_idempotency_keys ALTER COLUMN job_id DROP NOT NULL;
