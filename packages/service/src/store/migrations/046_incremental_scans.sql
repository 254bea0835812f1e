-- Incremental scans: a job may skip objects whose identity is unchanged since their last COMPLETE
-- scan with detectors and an engine that cover the job's.
-- `scan_coverages`: one row per distinct (engine, detector definitions) a job scanned with; its id is
-- a hash of that content, so every job with the same detectors and engine shares it.
-- `object_scan_state`: per tenant and object (`locator`: s3://bucket/key or the file's real path),
-- the identity last scanned to the end (S3: etag, version id, size; files: size, mtime, inode), its
-- engine, and the coverages that scanned it at that identity (the last few; a changed identity or
-- engine starts the list again).

CREATE TABLE scan_coverages (
  id text PRIMARY KEY,
  engine_version text NOT NULL,
  detectors jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE jobs
  ADD COLUMN incremental boolean NOT NULL DEFAULT false,
  ADD COLUMN scan_coverage_id text REFERENCES scan_coverages (id),
  ADD COLUMN objects_unchanged bigint NOT NULL DEFAULT 0;

ALTER TABLE job_objects
  ADD COLUMN locator text,
  ADD COLUMN identity text;

ALTER TABLE schedules
  ADD COLUMN incremental boolean NOT NULL DEFAULT true;

CREATE TABLE object_scan_state (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  locator text NOT NULL,
  identity text NOT NULL,
  engine_version text NOT NULL,
  coverages text[] NOT NULL,
  job_id uuid REFERENCES jobs (id) ON DELETE SET NULL,
  scanned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, locator)
);
