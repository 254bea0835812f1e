-- High-volume personal data: past the worker's aggregate threshold, the further matches of one
-- detector in one field (CSV column, JSON path with [*] for indexes, or the whole object or archive
-- member) are stored as one row with an exact count and sample locations. Credentials are never
-- aggregated. Never holds a raw value: samples are locations only.
CREATE TABLE finding_aggregates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  job_id uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- Hashes the object, detector, archive member and field, so a redelivered object inserts nothing new.
  aggregate_key text NOT NULL,
  bucket text,
  object_key text NOT NULL,
  version_id text,
  etag text,
  detector text NOT NULL,
  category text NOT NULL,
  severity text NOT NULL,
  field text,
  archive_path text,
  match_count bigint NOT NULL CHECK (match_count > 0),
  -- Individual findings of the group kept in `findings` before folding began.
  threshold integer NOT NULL,
  samples jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (job_id, aggregate_key)
);
CREATE INDEX finding_aggregates_job_seq ON finding_aggregates (job_id, seq);

-- From here on `findings_count` counts every match: rows of `findings` plus `match_count` of
-- `finding_aggregates`; `findings_aggregated` is the part counted in aggregates.
ALTER TABLE jobs ADD COLUMN findings_aggregated bigint NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN aggregate_threshold integer;
ALTER TABLE job_objects ADD COLUMN findings_aggregated integer NOT NULL DEFAULT 0;
COMMENT ON COLUMN jobs.findings_count IS 'every match: findings rows plus finding_aggregates.match_count';
COMMENT ON COLUMN job_objects.findings_count IS 'every match: findings rows plus finding_aggregates.match_count';
