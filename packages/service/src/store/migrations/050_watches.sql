-- Scan on upload (POST /watches). A watch follows an S3 prefix (S3 event notifications reach the
-- scan queue) or a local folder (the scheduler role follows it with file-system notifications).
-- What arrives is scanned in a rolling job per watch and hour: `jobs.watch_id` + `jobs.watch_hour`
-- (the start of the hour, UTC). A rolling job stays `listing` while its hour is open, so objects can
-- be added; after the hour the scheduler moves it to `scanning` and it finishes once its objects are
-- done. A job holds a key once (job_objects' primary key): a repeated event adds nothing.

CREATE TABLE watches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name text,
  source text NOT NULL,
  -- s3:// sources: the bucket and key prefix events are matched on; null for file:// sources.
  bucket text,
  prefix text NOT NULL DEFAULT '',
  detectors text[],
  exclude text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, source)
);
CREATE INDEX watches_tenant_created ON watches (tenant_id, created_at, id);
CREATE INDEX watches_bucket ON watches (bucket) WHERE bucket IS NOT NULL;

ALTER TABLE jobs
  ADD COLUMN watch_id uuid REFERENCES watches (id) ON DELETE SET NULL,
  ADD COLUMN watch_hour timestamptz;
CREATE INDEX jobs_watch_hour ON jobs (watch_id, watch_hour DESC) WHERE watch_id IS NOT NULL;
CREATE INDEX jobs_rolling_open ON jobs (watch_hour) WHERE watch_hour IS NOT NULL AND status = 'listing';
