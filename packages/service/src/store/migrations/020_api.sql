-- API: key lookup by public prefix, one tenant per name, and Idempotency-Key records for POST /scan.

CREATE INDEX api_keys_prefix ON api_keys (prefix) WHERE revoked_at IS NULL;
CREATE UNIQUE INDEX tenants_name_unique ON tenants (name);

CREATE TABLE api_idempotency_keys (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  job_id uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);
CREATE INDEX api_idempotency_keys_created ON api_idempotency_keys (created_at);

-- GET /results?object= pages through one object's findings without scanning the whole job.
CREATE INDEX findings_job_object_seq ON findings (job_id, object_key, seq);
