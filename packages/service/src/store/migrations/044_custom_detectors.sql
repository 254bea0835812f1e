-- Each tenant's own detectors (`/detectors`): the spec as submitted, checked by the API. A job
-- keeps a copy of the specs it runs with, taken when it is created, so the worker (and its scan
-- threads) compile the same detectors even if the tenant edits them while the job runs.
CREATE TABLE custom_detectors (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id text NOT NULL,
  spec jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

ALTER TABLE jobs ADD COLUMN custom_detectors jsonb;
