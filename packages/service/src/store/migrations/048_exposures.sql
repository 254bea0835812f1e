-- Exposures (`GET /findings`): what a team triages. Findings and aggregates are their occurrences.
-- kind 'value': one distinct value per tenant, detector and keyed fingerprint (credentials, and
--   personal data stored one by one).
-- kind 'bulk': personal data folded into an aggregate, one per object, detector, archive member and
--   field (CSV column or JSON path); `bulk_key` hashes those, the individual findings of the same
--   group in the same object belong to it too.
-- Never holds a raw value: `redacted` is a masked preview, and only of value exposures.
CREATE TABLE exposures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('value', 'bulk')),
  detector text NOT NULL,
  category text NOT NULL,
  -- The highest severity seen; `severity_rank` orders it (5 critical ... 1 info).
  severity text NOT NULL,
  severity_rank smallint NOT NULL,
  fingerprint text,
  bulk_key text,
  redacted text,
  -- Bulk: its object and field. Value: the object it was last seen in.
  bucket text,
  object_key text,
  field text,
  archive_path text,
  state text NOT NULL DEFAULT 'open'
    CHECK (state IN ('open', 'resolved', 'false_positive', 'accepted_risk', 'revoked')),
  state_changed_at timestamptz,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  first_job_id uuid REFERENCES jobs (id) ON DELETE SET NULL,
  last_job_id uuid REFERENCES jobs (id) ON DELETE SET NULL,
  -- Matches and objects in the last job that found it.
  occurrence_count bigint NOT NULL DEFAULT 0,
  object_count bigint NOT NULL DEFAULT 0,
  sources text[] NOT NULL DEFAULT '{}',
  CHECK ((kind = 'value') = (fingerprint IS NOT NULL)),
  CHECK ((kind = 'bulk') = (bulk_key IS NOT NULL))
);
CREATE UNIQUE INDEX exposures_value ON exposures (tenant_id, detector, fingerprint) WHERE kind = 'value';
CREATE UNIQUE INDEX exposures_bulk ON exposures (tenant_id, bulk_key) WHERE kind = 'bulk';
-- The inbox's default order (severity, then last seen), and the same within a state.
CREATE INDEX exposures_tenant_severity ON exposures (tenant_id, severity_rank DESC, last_seen_at DESC, id DESC);
CREATE INDEX exposures_tenant_state_severity
  ON exposures (tenant_id, state, severity_rank DESC, last_seen_at DESC, id DESC);
CREATE INDEX exposures_tenant_last_seen ON exposures (tenant_id, last_seen_at DESC, id DESC);
CREATE INDEX exposures_tenant_first_seen ON exposures (tenant_id, first_seen_at DESC, id DESC);
CREATE INDEX exposures_tenant_count ON exposures (tenant_id, occurrence_count DESC, id DESC);

-- Every state change: who (API key name, JWT subject, 'scanner', or 'baseline'), when, from, to, why.
CREATE TABLE exposure_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  exposure_id uuid NOT NULL REFERENCES exposures (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  note text,
  job_id uuid REFERENCES jobs (id) ON DELETE SET NULL
);
CREATE INDEX exposure_history_exposure ON exposure_history (exposure_id, id);

-- One row per job and exposure it found: matches and objects of that job. Written with the
-- findings (same transaction), so a redelivered object counts once.
CREATE TABLE exposure_sightings (
  job_id uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  exposure_id uuid NOT NULL REFERENCES exposures (id) ON DELETE CASCADE,
  occurrence_count bigint NOT NULL,
  object_count bigint NOT NULL,
  PRIMARY KEY (job_id, exposure_id)
);
CREATE INDEX exposure_sightings_exposure ON exposure_sightings (exposure_id, job_id);

-- Where each exposure is present: per scan scope (tenant, source, detector selection and exclude
-- list, `jobs.scope_key`), the last job that found it. A complete scan of a scope removes what it
-- did not find; an exposure present in no scope any more is resolved.
CREATE TABLE exposure_scopes (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  scope_key text NOT NULL,
  exposure_id uuid NOT NULL REFERENCES exposures (id) ON DELETE CASCADE,
  job_id uuid REFERENCES jobs (id) ON DELETE SET NULL,
  PRIMARY KEY (tenant_id, scope_key, exposure_id)
);
CREATE INDEX exposure_scopes_exposure ON exposure_scopes (exposure_id);

ALTER TABLE findings ADD COLUMN exposure_id uuid REFERENCES exposures (id) ON DELETE SET NULL;
CREATE INDEX findings_exposure_seq ON findings (exposure_id, seq);
ALTER TABLE finding_aggregates ADD COLUMN exposure_id uuid REFERENCES exposures (id) ON DELETE SET NULL;
CREATE INDEX finding_aggregates_exposure_seq ON finding_aggregates (exposure_id, seq);

-- The comparison of an ended job with what its scope knew before (null until it ends):
-- new (first seen by this job), open (found and open after it, new and reopened included),
-- resolved (by this complete job), reopened (resolved before, found again), suppressed (found,
-- but false_positive, accepted_risk or revoked). `exposures_previous_job_id`: the previous
-- complete scan of the same scope.
ALTER TABLE jobs
  ADD COLUMN scope_key text,
  ADD COLUMN exposures_new bigint,
  ADD COLUMN exposures_open bigint,
  ADD COLUMN exposures_resolved bigint,
  ADD COLUMN exposures_reopened bigint,
  ADD COLUMN exposures_suppressed bigint,
  ADD COLUMN exposures_new_by_severity jsonb,
  ADD COLUMN exposures_previous_job_id uuid REFERENCES jobs (id) ON DELETE SET NULL;
CREATE INDEX jobs_scope_finished ON jobs (tenant_id, scope_key, finished_at DESC) WHERE scope_key IS NOT NULL;

-- Imported baseline files (`POST /baselines`): detector, fingerprint and place, never a value.
CREATE TABLE baselines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  fingerprint_key_id text NOT NULL,
  entries integer NOT NULL,
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE baseline_entries (
  baseline_id uuid NOT NULL REFERENCES baselines (id) ON DELETE CASCADE,
  detector text NOT NULL,
  fingerprint text NOT NULL,
  path text,
  line integer
);
CREATE INDEX baseline_entries_baseline ON baseline_entries (baseline_id);

-- Object prefixes (`GET /results?object=`, `GET /findings?object=`) compare bytes, whatever the
-- database's collation: a prefix is a range in "C" order.
DROP INDEX findings_job_object_seq;
CREATE INDEX findings_job_object_seq ON findings (job_id, (object_key COLLATE "C"), seq);
CREATE INDEX findings_tenant_object ON findings (tenant_id, (object_key COLLATE "C"), exposure_id);
-- `GET /results?severity=` and `?category=` on a job with many findings.
CREATE INDEX findings_job_severity_seq ON findings (job_id, severity, seq);
-- Occurrences written without an exposure (before this migration, or by another writer) are
-- linked when their job ends; these find them without reading the job's linked rows.
CREATE INDEX findings_unlinked ON findings (job_id) WHERE exposure_id IS NULL;
CREATE INDEX finding_aggregates_unlinked ON finding_aggregates (job_id) WHERE exposure_id IS NULL;
