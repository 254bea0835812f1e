-- Tenants, API keys, jobs, per-object status, findings and the outbox.

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only a SHA-256 hash of each key is stored; `prefix` (first characters) lets a user tell keys apart.
CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name text NOT NULL DEFAULT '',
  prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id);

CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name text,
  source text NOT NULL,
  detectors text[],
  exclude text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'listing', 'scanning', 'succeeded', 'partial', 'failed', 'cancelled')),
  status_reason text,
  shards_total integer,
  objects_total bigint,
  objects_done bigint NOT NULL DEFAULT 0,
  objects_complete bigint NOT NULL DEFAULT 0,
  objects_partial bigint NOT NULL DEFAULT 0,
  objects_skipped bigint NOT NULL DEFAULT 0,
  objects_failed bigint NOT NULL DEFAULT 0,
  bytes_total bigint,
  bytes_scanned bigint NOT NULL DEFAULT 0,
  findings_count bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_tenant_created ON jobs (tenant_id, created_at DESC, id DESC);
CREATE INDEX jobs_tenant_status ON jobs (tenant_id, status, created_at DESC);

-- One row per object of a job, written at plan time as PENDING and moved to a final status once.
CREATE TABLE job_objects (
  job_id uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  key text NOT NULL,
  bucket text,
  shard integer NOT NULL,
  size bigint NOT NULL,
  etag text,
  version_id text,
  status text NOT NULL DEFAULT 'PENDING'
    CHECK (status IN ('PENDING', 'COMPLETE', 'PARTIAL', 'SKIPPED', 'FAILED')),
  reason text,
  reason_detail text,
  bytes_read bigint,
  bytes_scanned bigint,
  findings_count integer NOT NULL DEFAULT 0,
  scanned_at timestamptz,
  PRIMARY KEY (job_id, key)
);
CREATE INDEX job_objects_shard ON job_objects (job_id, shard) WHERE status = 'PENDING';
CREATE INDEX job_objects_status ON job_objects (job_id, status, key);

-- Never holds a raw value: only the masked preview and the keyed fingerprint.
-- `finding_key` hashes the job, object and location so a redelivered object inserts nothing new.
CREATE TABLE findings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  job_id uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  finding_key text NOT NULL,
  bucket text,
  object_key text NOT NULL,
  version_id text,
  etag text,
  detector text NOT NULL,
  category text NOT NULL,
  severity text NOT NULL,
  confidence real NOT NULL,
  byte_start bigint NOT NULL,
  byte_end bigint NOT NULL,
  line integer NOT NULL,
  col integer NOT NULL,
  json_path text,
  record_index bigint,
  row_number bigint,
  column_index integer,
  column_name text,
  page integer,
  archive_path text,
  redacted text NOT NULL,
  fingerprint text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (job_id, finding_key)
);
CREATE INDEX findings_job_seq ON findings (job_id, seq);
CREATE INDEX findings_job_detector_seq ON findings (job_id, detector, seq);
CREATE INDEX findings_tenant_seq ON findings (tenant_id, seq);

-- Events written in the same transaction as the change they announce; the notifier delivers them.
CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid REFERENCES tenants (id) ON DELETE CASCADE,
  job_id uuid REFERENCES jobs (id) ON DELETE CASCADE,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  delivered_at timestamptz,
  UNIQUE (job_id, kind)
);
CREATE INDEX outbox_pending ON outbox (available_at, id) WHERE delivered_at IS NULL;
